/// A guide's front matter, typed by the schema of DESIGN.md section 3.
public struct FrontMatter: Sendable, Equatable {
    /// The guide's title, from `term` or else `title`.
    public var term: String
    public var description: String?
    public var category: String?
    public var vertical: String?
    public var tags: [String] = []
    public var pubDate: GuideDate?
    public var modDate: GuideDate?
    public var author: Author?
    public var avatar: ImageReference?
    public var image: ImageReference?
    public var slug: String?
    public var draft = false
    /// Every other key, in the order written, typed the YAML 1.2 way.
    public var params: [ParamEntry] = []
    /// Where each top-level key's value was written.
    public var locations: [String: SourceLocation] = [:]

    public init(term: String) {
        self.term = term
    }
}

/// A guide's author: a name, and optionally a page about them.
public struct Author: Sendable, Equatable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}

/// A picture named in front matter, with its alternative text.
public struct ImageReference: Sendable, Equatable {
    public var url: String
    public var alt: String?

    public init(url: String, alt: String? = nil) {
        self.url = url
        self.alt = alt
    }
}

/// A front-matter key the schema does not know, kept for templates as `params`.
public struct ParamEntry: Sendable, Equatable {
    public var key: String
    public var value: ParamValue

    public init(key: String, value: ParamValue) {
        self.key = key
        self.value = value
    }
}

/// A typed value of an unknown key: YAML 1.2 core typing for plain scalars, text for quoted ones.
public indirect enum ParamValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([ParamValue])
    case map([ParamEntry])

    /// Types a node the YAML 1.2 core way: `true`, `12`, `1.5`, `null` when plain; text otherwise.
    public init(_ node: FrontMatterNode) {
        switch node.value {
        case .list(let items):
            self = .list(items.map(ParamValue.init))
        case .map(let entries):
            self = .map(entries.map { ParamEntry(key: $0.key, value: ParamValue($0.node)) })
        case .scalar(let text, quoted: true):
            self = .string(text)
        case .scalar(let text, quoted: false):
            switch text {
            case "true", "True", "TRUE": self = .bool(true)
            case "false", "False", "FALSE": self = .bool(false)
            case "", "~", "null", "Null", "NULL": self = .null
            default:
                if let integer = Int(text) {
                    self = .integer(integer)
                } else if text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
                          let double = Double(text), double.isFinite {
                    self = .double(double)
                } else {
                    self = .string(text)
                }
            }
        }
    }
}
