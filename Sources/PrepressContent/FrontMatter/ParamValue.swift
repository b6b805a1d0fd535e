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
