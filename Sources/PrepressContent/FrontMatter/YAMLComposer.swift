internal import CYAML

/// Builds a `FrontMatterNode` tree from libyaml's parse events, in one pass and in time linear in the text.
///
/// It replaces Yams, whose composer compares repeated keys that are themselves mappings in time exponential in
/// their depth (a 6 KB front matter found by `make fuzz` ran for more than five minutes; docs/fuzzing.md). Here a
/// key must be a text: a list or mapping as a key is an error at it and is skipped, so nothing compares trees.
/// Repeated keys, undefined aliases, too many values (aliases can multiply them) and too deep a nesting are
/// errors too; every key problem is collected, a problem of the YAML itself stops the parse.
struct YAMLComposer: ~Copyable {
    let file: String
    let lineOffset: Int
    let yaml: UnsafeBufferPointer<UInt8>
    /// On the heap: libyaml's parser points at itself (its input's read handler gets the parser), so it must
    /// never move, as a stored value may.
    private let parserPointer = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let eventPointer = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var parser: yaml_parser_t { parserPointer.pointee }
    private var event: yaml_event_t { eventPointer.pointee }
    private var hasEvent = false
    /// Values still allowed; an alias counts the values it repeats.
    private var budget = YAMLTreeParser.nodeLimit
    /// Each anchor's value and how many values it holds.
    private var anchors: [String: (node: FrontMatterNode, size: Int)] = [:]
    private var depth = 0
    /// Problems that do not stop the parse (a key that is no text, a repeated key).
    private(set) var problems: [Diagnostic] = []

    /// How deep lists and mappings may nest.
    static let depthLimit = 256

    enum Failure: Error {
        /// libyaml refused the text.
        case syntax
        case composer(String, line: Int, column: Int)
        case tooManyValues
        case tooDeep(line: Int, column: Int)
    }

    init(file: String, lineOffset: Int, yaml: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.lineOffset = lineOffset
        self.yaml = yaml
        parserPointer.initialize(to: yaml_parser_t())
        eventPointer.initialize(to: yaml_event_t())
        yaml_parser_initialize(parserPointer)
        yaml_parser_set_encoding(parserPointer, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parserPointer, yaml.baseAddress, yaml.count)
    }

    mutating func close() {
        if hasEvent { yaml_event_delete(eventPointer) }
        hasEvent = false
        yaml_parser_delete(parserPointer)
        parserPointer.deallocate()
        eventPointer.deallocate()
    }

    /// The one document of the text; nil when the text holds none (empty, or only comments).
    mutating func document() throws(Failure) -> FrontMatterNode? {
        try next()
        guard event.type == YAML_STREAM_START_EVENT else { return nil }
        try next()
        if event.type == YAML_STREAM_END_EVENT { return nil }
        try next()
        let root = try node()
        try next()  // document end
        try next()
        if event.type == YAML_DOCUMENT_START_EVENT {
            let (line, column) = mark(event.start_mark)
            throw .composer("expected a single document in the stream but found another document", line: line, column: column)
        }
        return root
    }

    private mutating func next() throws(Failure) {
        if hasEvent { yaml_event_delete(eventPointer) }
        hasEvent = false
        guard yaml_parser_parse(parserPointer, eventPointer) == 1 else { throw .syntax }
        hasEvent = true
    }

    private func mark(_ mark: yaml_mark_t) -> (line: Int, column: Int) {
        (Int(mark.line) + 1 + lineOffset, Int(mark.column) + 1)
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The value whose first event is the current one; the current event is then its last.
    private mutating func node() throws(Failure) -> FrontMatterNode {
        budget -= 1
        if budget < 0 { throw .tooManyValues }
        let (line, column) = mark(event.start_mark)
        switch event.type {
        case YAML_ALIAS_EVENT:
            let anchor = Self.name(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[anchor] else {
                throw .composer("found undefined alias '\(anchor)'", line: line, column: column)
            }
            budget -= anchored.size
            if budget < 0 { throw .tooManyValues }
            return anchored.node

        case YAML_SCALAR_EVENT:
            return scalarNode(line: line, column: column)

        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.name(event.data.sequence_start.anchor)
            let before = budget
            try enter(line: line, column: column)
            var items: [FrontMatterNode] = []
            try next()
            while event.type != YAML_SEQUENCE_END_EVENT {
                items.append(try node())
                try next()
            }
            depth -= 1
            let node = FrontMatterNode(.list(items), line: line, column: column)
            if let anchor { anchors[anchor] = (node, before - budget) }
            return node

        case YAML_MAPPING_START_EVENT:
            let anchor = Self.name(event.data.mapping_start.anchor)
            let before = budget
            try enter(line: line, column: column)
            var entries: [FrontMatterEntry] = []
            var firstLines: [String: Int] = [:]
            try next()
            while event.type != YAML_MAPPING_END_EVENT {
                let key = try keyText()
                try next()
                let value = try node()
                if let key {
                    if let first = firstLines[key.text] {
                        problems.append(.error(
                            at: SourceLocation(file: file, line: key.line, column: key.column), "key '\(key.text)' is given more than once",
                            hint: "it is first given at line \(first); keep one of them, YAML does not merge repeated keys"))
                    } else {
                        firstLines[key.text] = key.line
                        entries.append(FrontMatterEntry(key: key.text, node: value))
                    }
                }
                try next()
            }
            depth -= 1
            let node = FrontMatterNode(.map(entries), line: line, column: column)
            if let anchor { anchors[anchor] = (node, before - budget) }
            return node

        default:
            throw .composer("found an unexpected event", line: line, column: column)
        }
    }

    /// The scalar of the current event, kept under its anchor if it has one.
    private mutating func scalarNode(line: Int, column: Int) -> FrontMatterNode {
        let scalar = event.data.scalar
        let quoted = scalar.style != YAML_PLAIN_SCALAR_STYLE && scalar.style != YAML_ANY_SCALAR_STYLE
        let node = FrontMatterNode(.scalar(Self.text(scalar.value, scalar.length), quoted: quoted), line: line, column: column)
        if let anchor = Self.name(scalar.anchor) { anchors[anchor] = (node, 1) }
        return node
    }

    private mutating func enter(line: Int, column: Int) throws(Failure) {
        depth += 1
        if depth > Self.depthLimit { throw .tooDeep(line: line, column: column) }
    }

    /// The text of the key whose first event is the current one, and where it is; nil for a list or mapping
    /// (reported, and read past without being composed).
    private mutating func keyText() throws(Failure) -> (text: String, line: Int, column: Int)? {
        let (line, column) = mark(event.start_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            guard case .scalar(let text, _) = scalarNode(line: line, column: column).value else { return nil }
            return (text, line, column)
        case YAML_ALIAS_EVENT:
            let anchor = Self.name(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[anchor] else {
                throw .composer("found undefined alias '\(anchor)'", line: line, column: column)
            }
            if case .scalar(let text, _) = anchored.node.value { return (text, line, column) }
            problems.append(keyProblem(anchored.node.kindName, line: line, column: column))
            return nil
        default:
            problems.append(keyProblem(event.type == YAML_SEQUENCE_START_EVENT ? "a list" : "a mapping", line: line, column: column))
            try skipCollection()
            return nil
        }
    }

    private func keyProblem(_ kind: String, line: Int, column: Int) -> Diagnostic {
        .error(at: SourceLocation(file: file, line: line, column: column), "a key must be a text, not \(kind)",
               hint: "write `name: value`, the name a word")
    }

    /// Reads to the end of the list or mapping that starts at the current event.
    private mutating func skipCollection() throws(Failure) {
        var open = 1
        while open > 0 {
            try next()
            switch event.type {
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT: open += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: open -= 1
            default: break
            }
        }
    }

    // MARK: Reporting

    /// The diagnostic of what stopped the parse.
    func diagnostic(for failure: Failure) -> Diagnostic {
        switch failure {
        case .syntax:
            let problem = parser.problem.map { String(cString: $0) } ?? "the text cannot be read"
            let (line, column) = mark(parser.problem_mark)
            let location = SourceLocation(file: file, line: line, column: column)
            if let context = parser.context.map({ String(cString: $0) }) {
                let (startLine, startColumn) = mark(parser.context_mark)
                if context.contains("quoted scalar") {
                    return .error(at: SourceLocation(file: file, line: startLine, column: startColumn),
                                  "invalid YAML: this quoted text is never closed",
                                  hint: "close the quote on the same line, or use a block scalar (|) for text over several lines")
                }
                return .error(at: location, "invalid YAML: \(problem) \(context) (started at line \(startLine), column \(startColumn))",
                              hint: YAMLTreeParser.hint(atLine: line - lineOffset, in: yaml, problem: problem))
            }
            return .error(at: location, "invalid YAML: \(problem)", hint: YAMLTreeParser.hint(atLine: line - lineOffset, in: yaml, problem: problem))
        case .composer(let message, let line, let column):
            return .error(at: SourceLocation(file: file, line: line, column: column), "invalid YAML: \(message)")
        case .tooManyValues:
            return .error(at: SourceLocation(file: file, line: lineOffset + 1), "front matter expands to more than \(YAMLTreeParser.nodeLimit) values",
                          hint: "YAML aliases (*name) repeat whole values; use fewer of them")
        case .tooDeep(let line, let column):
            return .error(at: SourceLocation(file: file, line: line, column: column),
                          "front matter nests lists and mappings more than \(Self.depthLimit) deep")
        }
    }
}
