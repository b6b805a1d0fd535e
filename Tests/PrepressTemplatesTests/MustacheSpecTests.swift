import Foundation
import Testing
import PrepressTemplates

/// One rule of the Mustache specification (github.com/mustache/spec), shown by a case of our own.
struct SpecCase: Sendable, CustomTestStringConvertible {
    /// The spec module and the rule, as the spec names them: "sections: Standalone Lines".
    let rule: String
    let data: String
    let template: String
    var partials: [String: String] = [:]
    let expected: String

    var testDescription: String { rule }
}

private func rule(_ rule: String, _ data: String, _ template: String, _ partials: [String: String], _ expected: String) -> SpecCase {
    SpecCase(rule: rule, data: data, template: template, partials: partials, expected: expected)
}

private func rule(_ rule: String, _ data: String, _ template: String, _ expected: String) -> SpecCase {
    SpecCase(rule: rule, data: data, template: template, expected: expected)
}

/// interpolation.yml
let interpolationCases = [
    rule("interpolation: No Interpolation", "{}", "Plain {text} stays.\n", "Plain {text} stays.\n"),
    rule("interpolation: Basic Interpolation", #"{"role":"nurse"}"#, "Hi, {{role}}!", "Hi, nurse!"),
    rule("interpolation: HTML Escaping", #"{"x":"a & b < c > d \" e ' f"}"#, "{{x}}", "a &amp; b &lt; c &gt; d &quot; e &#39; f"),
    rule("interpolation: Triple Mustache", #"{"x":"<b>&</b>"}"#, "{{{x}}}", "<b>&</b>"),
    rule("interpolation: Ampersand", #"{"x":"<b>&</b>"}"#, "{{&x}}", "<b>&</b>"),
    rule("interpolation: Basic Integer Interpolation", #"{"n":42}"#, "{{n}}|{{{n}}}|{{&n}}", "42|42|42"),
    rule("interpolation: Basic Decimal Interpolation", #"{"d":2.500}"#, "{{d}}|{{{d}}}|{{&d}}", "2.5|2.5|2.5"),
    rule("interpolation: Basic Null Interpolation", #"{"n":null}"#, "[{{n}}][{{{n}}}][{{&n}}]", "[][][]"),
    rule("interpolation: Context Miss Interpolation", "{}", "[{{gone}}][{{{gone}}}][{{&gone}}]", "[][][]"),
    rule("interpolation: Dotted Names - Basic Interpolation", #"{"guide":{"term":"X"}}"#, "{{guide.term}}={{#guide}}{{term}}{{/guide}}", "X=X"),
    rule("interpolation: Dotted Names - Triple Mustache and Ampersand", #"{"g":{"t":"<i>"}}"#, "{{{g.t}}}{{&g.t}}", "<i><i>"),
    rule("interpolation: Dotted Names - Arbitrary Depth", #"{"a":{"b":{"c":{"d":"deep"}}}}"#, "{{a.b.c.d}}", "deep"),
    rule("interpolation: Dotted Names - Broken Chains", #"{"a":{}}"#, "[{{a.b.c}}]", "[]"),
    rule("interpolation: Dotted Names - Broken Chain Resolution", #"{"a":{"b":{}},"c":{"name":"no"}}"#, "[{{a.b.c.name}}]", "[]"),
    rule("interpolation: Dotted Names - Initial Resolution", #"{"a":{"b":{"c":"inner"}},"b":{"c":"outer"}}"#, "{{#a}}{{b.c}}{{/a}}", "inner"),
    rule("interpolation: Dotted Names - Context Precedence", #"{"a":{"b":{}},"b":{"c":"outer"}}"#, "[{{#a}}{{b.c}}{{/a}}]", "[]"),
    rule("interpolation: Dotted Names - Leading Dot", #"{"a":{},"b":{"v":"in b"},"v":"top"}"#, "[{{#a}}{{.v}}{{/a}}][{{#b}}{{.v}}{{/b}}]", "[][in b]"),
    rule("interpolation: Implicit Iterators - Basic", #""text""#, "({{.}})", "(text)"),
    rule("interpolation: Implicit Iterators - HTML Escaping", #""<&>""#, "{{.}}|{{{.}}}", "&lt;&amp;&gt;|<&>"),
    rule("interpolation: Surrounding Whitespace", #"{"s":"-"}"#, "| {{s}} | {{{s}}} | {{&s}} |", "| - | - | - |"),
    rule("interpolation: Standalone", #"{"s":"-"}"#, "  {{s}}\n", "  -\n"),
    rule("interpolation: With Padding", #"{"s":"-"}"#, "|{{ s }}|{{{ s }}}|{{& s }}|", "|-|-|-|"),
]

/// sections.yml
let sectionCases = [
    rule("sections: Truthy", #"{"on":true}"#, "[{{#on}}shown{{/on}}]", "[shown]"),
    rule("sections: Falsey", #"{"on":false}"#, "[{{#on}}shown{{/on}}]", "[]"),
    rule("sections: Null is falsey", #"{"n":null}"#, "[{{#n}}shown{{/n}}]", "[]"),
    rule("sections: Context", #"{"who":{"name":"Ana"}}"#, "{{#who}}Hi {{name}}{{/who}}", "Hi Ana"),
    rule("sections: Parent contexts", #"{"a":"1","b":"no","sub":{"b":"2"},"c":{"d":"3"}}"#, "{{#sub}}{{a}}{{b}}{{c.d}}{{/sub}}", "123"),
    rule("sections: Variable test", #"{"v":"x"}"#, "{{#v}}{{.}}={{v}}{{/v}}", "x=x"),
    rule("sections: List Contexts", #"{"outer":[{"o":"A","inner":[{"i":"1"},{"i":"2"}]}]}"#, "{{#outer}}{{#inner}}{{o}}{{i}},{{/inner}}{{/outer}}", "A1,A2,"),
    rule("sections: Deeply Nested Contexts", #"{"a":{"one":1},"b":{"two":2},"c":{"three":3}}"#, "{{#a}}{{#b}}{{#c}}{{one}}{{two}}{{three}}{{/c}}{{/b}}{{/a}}", "123"),
    rule("sections: List", #"{"items":[{"n":1},{"n":2},{"n":3}]}"#, "{{#items}}{{n}}{{/items}}", "123"),
    rule("sections: Empty List", #"{"items":[]}"#, "[{{#items}}x{{/items}}]", "[]"),
    rule("sections: Strings Not Lists", #"{"s":"abc"}"#, "[{{#s}}once{{/s}}]", "[once]"),
    rule("sections: Doubled", #"{"on":true,"mid":"b"}"#, "{{#on}}\na\n{{/on}}\n{{mid}}\n{{#on}}\nc\n{{/on}}\n", "a\nb\nc\n"),
    rule("sections: Nested (Truthy)", #"{"on":true}"#, "1{{#on}}2{{#on}}3{{/on}}4{{/on}}5", "12345"),
    rule("sections: Nested (Falsey)", #"{"on":false}"#, "1{{#on}}2{{#on}}3{{/on}}4{{/on}}5", "15"),
    rule("sections: Context Misses", "{}", "[{{#nothing}}x{{/nothing}}]", "[]"),
    rule("sections: Implicit Iterator - String", #"{"l":["a","b"]}"#, "{{#l}}<{{.}}>{{/l}}", "<a><b>"),
    rule("sections: Implicit Iterator - Integer", #"{"l":[7,8]}"#, "{{#l}}({{.}}){{/l}}", "(7)(8)"),
    rule("sections: Implicit Iterator - Decimal", #"{"l":[0.5,1.25]}"#, "{{#l}}({{.}}){{/l}}", "(0.5)(1.25)"),
    rule("sections: Implicit Iterator - Array", #"{"l":[[1,2],["x","y"]]}"#, "{{#l}}({{#.}}{{.}}{{/.}}){{/l}}", "(12)(xy)"),
    rule("sections: Implicit Iterator - HTML Escaping", #"{"l":["<&>"]}"#, "{{#l}}{{.}}|{{{.}}}{{/l}}", "&lt;&amp;&gt;|<&>"),
    rule("sections: Dotted Names - Truthy", #"{"a":{"b":true}}"#, "[{{#a.b}}yes{{/a.b}}]", "[yes]"),
    rule("sections: Dotted Names - Falsey", #"{"a":{"b":false}}"#, "[{{#a.b}}yes{{/a.b}}]", "[]"),
    rule("sections: Dotted Names - Broken Chains", #"{"a":{}}"#, "[{{#a.b.c}}yes{{/a.b.c}}]", "[]"),
    rule("sections: Surrounding Whitespace", #"{"on":true}"#, " | {{#on}}\t|\t{{/on}} | \n", " | \t|\t | \n"),
    rule("sections: Internal Whitespace", #"{"on":true}"#, " | {{#on}} {{! c }}\n {{/on}} | \n", " |  \n  | \n"),
    rule("sections: Indented Inline Sections", #"{"on":true}"#, " {{#on}}A{{/on}}\n {{#on}}B{{/on}}\n", " A\n B\n"),
    rule("sections: Standalone Lines", #"{"on":true}"#, "| 1\n{{#on}}\n| 2\n{{/on}}\n| 3\n", "| 1\n| 2\n| 3\n"),
    rule("sections: Indented Standalone Lines", #"{"on":true}"#, "| 1\n   {{#on}}\n| 2\n\t{{/on}}\n| 3\n", "| 1\n| 2\n| 3\n"),
    rule("sections: Standalone Line Endings", #"{"on":true}"#, "|\r\n{{#on}}\r\n{{/on}}\r\n|", "|\r\n|"),
    rule("sections: Standalone Without Previous Line", #"{"on":true}"#, "  {{#on}}\n*{{/on}}\n.", "*\n."),
    rule("sections: Standalone Without Newline", #"{"on":true}"#, "*{{#on}}\n.\n  {{/on}}", "*\n.\n"),
    rule("sections: Padding", #"{"on":true}"#, "|{{# on }}={{/ on }}|", "|=|"),
]

/// inverted.yml
let invertedCases = [
    rule("inverted: Falsey", #"{"on":false}"#, "[{{^on}}shown{{/on}}]", "[shown]"),
    rule("inverted: Null", #"{"n":null}"#, "[{{^n}}shown{{/n}}]", "[shown]"),
    rule("inverted: Truthy", #"{"on":true}"#, "[{{^on}}shown{{/on}}]", "[]"),
    rule("inverted: Truthy - Strings", #"{"s":"x"}"#, "[{{^s}}shown{{/s}}]", "[]"),
    rule("inverted: Context", #"{"o":{"n":"x"}}"#, "[{{^o}}{{n}}{{/o}}]", "[]"),
    rule("inverted: List", #"{"l":[{"n":1}]}"#, "[{{^l}}{{n}}{{/l}}]", "[]"),
    rule("inverted: Empty List", #"{"l":[]}"#, "[{{^l}}none{{/l}}]", "[none]"),
    rule("inverted: Context Misses", "{}", "[{{^missing}}none{{/missing}}]", "[none]"),
    rule("inverted: Doubled", #"{"off":false,"mid":"b"}"#, "{{^off}}\na\n{{/off}}\n{{mid}}\n{{^off}}\nc\n{{/off}}\n", "a\nb\nc\n"),
    rule("inverted: Nested (Falsey)", #"{"off":false}"#, "1{{^off}}2{{^off}}3{{/off}}4{{/off}}5", "12345"),
    rule("inverted: Nested (Truthy)", #"{"on":true}"#, "1{{^on}}2{{^on}}3{{/on}}4{{/on}}5", "15"),
    rule("inverted: Dotted Names - Truthy and Falsey", #"{"a":{"t":true,"f":false}}"#, "[{{^a.t}}t{{/a.t}}][{{^a.f}}f{{/a.f}}][{{^a.x.y}}b{{/a.x.y}}]", "[][f][b]"),
    rule("inverted: Surrounding Whitespace", #"{"off":false}"#, " | {{^off}}\t|\t{{/off}} | \n", " | \t|\t | \n"),
    rule("inverted: Standalone Lines", #"{"off":false}"#, "| 1\n  {{^off}}\n| 2\n  {{/off}}\n| 3\n", "| 1\n| 2\n| 3\n"),
    rule("inverted: Standalone Line Endings", #"{"off":false}"#, "|\r\n{{^off}}\r\n{{/off}}\r\n|", "|\r\n|"),
    rule("inverted: Padding", #"{"off":false}"#, "|{{^ off }}={{/ off }}|", "|=|"),
]

/// comments.yml
let commentCases = [
    rule("comments: Inline", "{}", "ab{{! gone }}cd", "abcd"),
    rule("comments: Multiline", "{}", "ab{{!\n gone\n too\n}}cd\n", "abcd\n"),
    rule("comments: Standalone", "{}", "A\n{{! gone }}\nB\n", "A\nB\n"),
    rule("comments: Indented Standalone", "{}", "A\n   {{! gone }}\nB\n", "A\nB\n"),
    rule("comments: Standalone Line Endings", "{}", "|\r\n{{! gone }}\r\n|", "|\r\n|"),
    rule("comments: Standalone Without Previous Line", "{}", "  {{! gone }}\n!", "!"),
    rule("comments: Standalone Without Newline", "{}", "!\n  {{! gone }}", "!\n"),
    rule("comments: Multiline Standalone", "{}", "A\n{{!\ngone\n}}\nB\n", "A\nB\n"),
    rule("comments: Indented Multiline Standalone", "{}", "A\n  {{!\n    gone\n  }}\nB\n", "A\nB\n"),
    rule("comments: Indented Inline", "{}", "  ab {{! gone }}\n", "  ab \n"),
    rule("comments: Surrounding Whitespace", "{}", "ab {{! gone }} cd", "ab  cd"),
]

/// delimiters.yml
let delimiterCases = [
    rule("delimiters: Pair Behavior", #"{"x":"y"}"#, "{{=<% %>=}}(<%x%>)", "(y)"),
    rule("delimiters: Special Characters", #"{"x":"y"}"#, "({{=[ ]=}}[x])", "(y)"),
    rule("delimiters: Sections", #"{"on":true,"x":"y"}"#, "{{=| |=}}\n|#on|\n{{x}} |x|\n|/on|\n", "{{x}} y\n"),
    rule("delimiters: Inverted Sections", #"{"off":false,"x":"y"}"#, "{{=| |=}}\n|^off|\n{{x}} |x|\n|/off|\n", "{{x}} y\n"),
    rule("delimiters: Partial Inheritence", #"{"x":"y"}"#, "[{{>p}}]\n{{=| |=}}\n[|>p|]\n", ["p": ".{{x}}."], "[.y.]\n[.y.]\n"),
    rule("delimiters: Post-Partial Behavior", #"{"x":"y"}"#, "[{{>p}}] {{x}} |x|", ["p": "{{x}}{{=| |=}}|x|"], "[yy] y |x|"),
    rule("delimiters: Surrounding Whitespace", "{}", "| {{=@ @=}} |", "|  |"),
    rule("delimiters: Outlying Whitespace (Inline)", "{}", " | {{=@ @=}}\n", " | \n"),
    rule("delimiters: Standalone Tag", "{}", "A\n{{=@ @=}}\nB\n", "A\nB\n"),
    rule("delimiters: Indented Standalone Tag", "{}", "A\n  {{=@ @=}}\nB\n", "A\nB\n"),
    rule("delimiters: Standalone Line Endings", "{}", "|\r\n{{= @ @ =}}\r\n|", "|\r\n|"),
    rule("delimiters: Standalone Without Previous Line", "{}", "  {{=@ @=}}\n=", "="),
    rule("delimiters: Standalone Without Newline", "{}", "=\n  {{=@ @=}}", "=\n"),
    rule("delimiters: Pair with Padding", "{}", "|{{= @   @ =}}|", "||"),
]

/// partials.yml
let partialCases = [
    rule("partials: Basic Behavior", "{}", "[{{>p}}]", ["p": "inside"], "[inside]"),
    rule("partials: Failed Lookup", "{}", "[{{>missing}}]", "[]"),
    rule("partials: Context", #"{"x":"y"}"#, "[{{>p}}]", ["p": "*{{x}}*"], "[*y*]"),
    rule("partials: Recursion", #"{"v":"1","kids":[{"v":"2","kids":[{"v":"3","kids":[]}]}]}"#, "{{>node}}",
         ["node": "{{v}}({{#kids}}{{>node}}{{/kids}})"], "1(2(3()))"),
    rule("partials: Nested", #"{"a":"A","b":"B"}"#, "{{>outer}}", ["outer": "<{{a}}{{>inner}}>", "inner": "[{{b}}]"], "<A[B]>"),
    rule("partials: Surrounding Whitespace", "{}", "| {{>p}} |", ["p": "\t|\t"], "| \t|\t |"),
    rule("partials: Inline Indentation", #"{"x":"|"}"#, "  {{x}}  {{> p}}\n", ["p": ">\n>"], "  |  >\n>\n"),
    rule("partials: Standalone Line Endings", "{}", "|\r\n{{>p}}\r\n|", ["p": ">"], "|\r\n>|"),
    rule("partials: Standalone Without Previous Line", "{}", "  {{>p}}\n>", ["p": ">\n>"], "  >\n  >>"),
    rule("partials: Standalone Without Newline", "{}", ">\n  {{>p}}", ["p": ">\n>"], ">\n  >\n  >"),
    rule("partials: Standalone Indentation", #"{"v":"<\n->"}"#, "\\\n {{>p}}\n/\n", ["p": "|\n{{{v}}}x{{{v}}}\n|\n"], "\\\n |\n <\n->x<\n->\n |\n/\n"),
    rule("partials: Padding Whitespace", "{}", "|{{> p }}|", ["p": "[]"], "|[]|"),
]

/// ~inheritance.yml
let inheritanceCases = [
    rule("inheritance: Default", "{}", "{{$t}}default{{/t}}\n", "default\n"),
    rule("inheritance: Variable", #"{"x":"y"}"#, "{{$b}}a {{x}} c{{/b}}", "a y c"),
    rule("inheritance: Triple Mustache", #"{"x":"<y>"}"#, "{{$b}}{{{x}}}{{/b}}", "<y>"),
    rule("inheritance: Sections", #"{"o":{"x":"y"}}"#, "{{$b}}{{#o}}{{x}}{{/o}}{{/b}}", "y"),
    rule("inheritance: Negative Sections", #"{"x":"y"}"#, "{{$b}}{{^o}}{{x}}{{/o}}{{/b}}", "y"),
    rule("inheritance: Mustache Injection", #"{"o":{"x":"{{z}}"}}"#, "{{$b}}{{#o}}{{x}}{{/o}}{{/b}}", "{{z}}"),
    rule("inheritance: Inherit", "{}", "{{<p}}{{/p}}", ["p": "{{$b}}from p{{/b}}"], "from p"),
    rule("inheritance: Overridden content", "{}", "{{<p}}{{$t}}child{{/t}}{{/p}}", ["p": "<{{$t}}parent{{/t}}>"], "<child>"),
    rule("inheritance: Data does not override block", #"{"v":"data"}"#, "{{<p}}{{$v}}child{{/v}}{{/p}}", ["p": "{{$v}}parent{{/v}}"], "child"),
    rule("inheritance: Data does not override block default", #"{"v":"data"}"#, "{{<p}}{{/p}}", ["p": "{{$v}}parent{{/v}}"], "parent"),
    rule("inheritance: Overridden parent", "{}", "x {{<p}}{{$s}}over{{/s}}{{/p}}", ["p": "{{$s}}...{{/s}}"], "x over"),
    rule("inheritance: Two overridden parents", "{}", "{{<p}}{{$s}}1{{/s}}{{/p}} {{<p}}{{$s}}2{{/s}}{{/p}}", ["p": "[{{$s}}.{{/s}}{{$d}}d{{/d}}]"], "[1d] [2d]"),
    rule("inheritance: Override parent with newlines", "{}", "{{<p}}{{$b}}\nline 1\n\nline 2\n{{/b}}{{/p}}", ["p": "{{$b}}default{{/b}}"], "line 1\n\nline 2\n"),
    rule("inheritance: Inherit indentation", "{}", "{{<p}}{{$b}}new{{/b}}{{/p}}", ["p": "head:\n  {{$b}}old{{/b}}\n"], "head:\n  new\n"),
    rule("inheritance: Only one override", "{}", "{{<p}}{{$b}}B{{/b}}{{/p}}", ["p": "{{$a}}a{{/a}}, {{$b}}b{{/b}}"], "a, B"),
    rule("inheritance: Parent template", "{}", "{{>p}}|{{<p}}{{/p}}", ["p": "{{$a}}a{{/a}}"], "a|a"),
    rule("inheritance: Recursion", "{}", "{{<p}}{{$f}}O{{/f}}{{/p}}",
         ["p": "{{$f}}p{{/f}} {{$g}}{{<q}}{{/q}}{{/g}}", "q": "{{$f}}q{{/f}} {{<p}}{{$g}}stop{{/g}}{{/p}}"], "O O O stop"),
    rule("inheritance: Multi-level inheritance", "{}", "{{<a}}{{$x}}child{{/x}}{{/a}}",
         ["a": "{{<b}}{{$x}}a{{/x}}{{/b}}", "b": "{{<c}}{{$x}}b{{/x}}{{/c}}", "c": "{{$x}}c{{/x}}"], "child"),
    rule("inheritance: Multi-level inheritance, no sub child", "{}", "{{<a}}{{/a}}",
         ["a": "{{<b}}{{$x}}a{{/x}}{{/b}}", "b": "{{<c}}{{$x}}b{{/x}}{{/c}}", "c": "{{$x}}c{{/x}}"], "a"),
    rule("inheritance: Text inside parent", "{}", "{{<p}} ignored {{$b}}kept{{/b}} ignored {{/p}}", ["p": "{{$b}}default{{/b}}"], "kept"),
    rule("inheritance: Text inside parent, no block", "{}", "{{<p}} ignored {{/p}}", ["p": "{{$b}}default{{/b}}"], "default"),
    rule("inheritance: Block scope", #"{"v":"outer","inner":{"v":"inner"}}"#, "{{<p}}{{$b}}{{v}}{{/b}}{{/p}}", ["p": "{{#inner}}{{$b}}-{{/b}}{{/inner}}"], "inner"),
    rule("inheritance: Standalone parent", "{}", "A\n  {{<p}}{{/p}}\n", ["p": "1\n2\n"], "A\n  1\n  2\n"),
    rule("inheritance: Standalone block", "{}", "{{<p}}{{$b}}\n1\n2{{/b}}\n{{/p}}\n", ["p": "A\n  {{$b}}{{/b}}\n"], "A\n  1\n  2\n"),
    rule("inheritance: Block reindentation", "{}", "{{<p}}{{$b}}\n      1\n      2\n{{/b}}{{/p}}\n", ["p": "A\n  {{$b}}\n  {{/b}}\n"], "A\n  1\n  2\n"),
    rule("inheritance: Intrinsic indentation", "{}", "{{<p}}{{$b}}\n1\n2\n{{/b}}{{/p}}\n", ["p": "A\n{{$b}}\n    default\n{{/b}}\n"], "A\n    1\n    2\n"),
    rule("inheritance: Nested block reindentation", "{}", "{{<p}}{{$n}}\nthree\n{{/n}}{{/p}}\n",
         ["p": "{{<g}}{{$b}}\n  one\n  {{$n}}\n    two\n  {{/n}}\n{{/b}}{{/g}}\n", "g": "{{$b}}default{{/b}}"], "one\n  three\n"),
]

@Suite struct MustacheSpecTests {
    @Test(arguments: interpolationCases + sectionCases + invertedCases + commentCases + delimiterCases + partialCases + inheritanceCases)
    func rendersAsTheSpecSays(_ example: SpecCase) throws {
        let output = try renderMustache(example.template, json: Data(example.data.utf8), partials: example.partials)
        #expect(output == example.expected)
    }
}
