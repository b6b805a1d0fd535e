internal import Yams

/// Parses YAML text into a `FrontMatterNode` tree, keeping every scalar as written (no implicit typing).
public enum YAMLTreeParser {
    /// A guide's front matter must not expand into more nodes than this (aliases can multiply them).
    static let nodeLimit = 50_000

    /// Parses `yaml`; `lineOffset` is added to every line so positions count in the enclosing file.
    /// Returns nil for an empty document.
    public static func parse(_ yaml: String, file: String, lineOffset: Int = 0) throws(DiagnosticsError) -> FrontMatterNode? {
        if let plain = PlainYAMLParser.parse(yaml, lineOffset: lineOffset) { return plain }
        return try parseWithYams(yaml, file: file, lineOffset: lineOffset)
    }

    /// Parses `yaml` with Yams, whatever it holds (`parse` first tries `PlainYAMLParser`, which gives the same
    /// tree faster for the plain YAML most front matter is).
    static func parseWithYams(_ yaml: String, file: String, lineOffset: Int = 0) throws(DiagnosticsError) -> FrontMatterNode? {
        let root: Node?
        do {
            // The basic resolver types nothing: the schema decides what each key is.
            // The encoding is given: Yams works out its default by reading the whole environment, on every call.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticsError([diagnostic(for: error, yaml: yaml, file: file, lineOffset: lineOffset)])
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)")])
        }
        guard let root else { return nil }
        var budget = nodeLimit
        var keyProblems: [Diagnostic] = []
        do {
            let tree = try convert(root, file: file, lineOffset: lineOffset, budget: &budget, keyProblems: &keyProblems)
            if !keyProblems.isEmpty { throw DiagnosticsError(keyProblems) }
            return tree
        } catch let error as DiagnosticsError {
            throw error
        } catch {
            throw DiagnosticsError([.error(
                at: SourceLocation(file: file, line: lineOffset + 1),
                "front matter expands to more than \(nodeLimit) values",
                hint: "YAML aliases (*name) repeat whole values; use fewer of them")])
        }
    }

    private struct BudgetExceeded: Error {}

    /// Our tree of Yams's; a key that is a list or a mapping is a problem (the schema reads keys as texts).
    private static func convert(_ node: Node, file: String, lineOffset: Int, budget: inout Int,
                                keyProblems: inout [Diagnostic]) throws(BudgetExceeded) -> FrontMatterNode {
        budget -= 1
        if budget < 0 { throw BudgetExceeded() }
        let line = (node.mark?.line ?? 1) + lineOffset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style != .plain && scalar.style != .any
            return FrontMatterNode(.scalar(scalar.string, quoted: quoted), line: line, column: column)
        case .sequence(let sequence):
            var items: [FrontMatterNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, file: file, lineOffset: lineOffset, budget: &budget, keyProblems: &keyProblems))
            }
            return FrontMatterNode(.list(items), line: line, column: column)
        case .mapping(let mapping):
            var entries: [FrontMatterEntry] = []
            entries.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                guard let name = key.string else {
                    let kind = if case .sequence = key { "a list" } else { "a mapping" }
                    keyProblems.append(.error(
                        at: SourceLocation(file: file, line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1),
                        "a key must be a text, not \(kind)", hint: "write `name: value`, the name a word"))
                    continue
                }
                entries.append(FrontMatterEntry(key: name, node: try convert(value, file: file, lineOffset: lineOffset, budget: &budget,
                                                                          keyProblems: &keyProblems)))
            }
            return FrontMatterNode(.map(entries), line: line, column: column)
        case .alias:
            return FrontMatterNode(.scalar("", quoted: false), line: line, column: column)
        }
    }

    static func diagnostic(for error: YamlError, yaml: String, file: String, lineOffset: Int) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let context, context.text.contains("quoted scalar") {
                return .error(at: location(context.mark), "invalid YAML: this quoted text is never closed",
                              hint: "close the quote on the same line, or use a block scalar (|) for text over several lines")
            }
            var message = "invalid YAML: \(problem)"
            if let context {
                let start = location(context.mark)
                message += " \(context.text) (started at line \(start.line), column \(start.column))"
            }
            return .error(at: location(mark), message, hint: hint(at: mark, in: yaml, problem: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error(at: location(context.mark), "key \(names) is given more than once",
                          hint: "keep one of them; YAML does not merge repeated keys")
        default:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1), "invalid YAML: \(error)")
        }
    }

    private static func hint(at mark: Mark, in yaml: String, problem: String) -> String? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        if mark.line >= 1, mark.line <= lines.count, lines[mark.line - 1].contains("\t") {
            return "indent with spaces: YAML does not allow tabs"
        }
        if problem.contains("mapping values are not allowed") {
            return "put text that contains ': ' in quotes"
        }
        return nil
    }
}
