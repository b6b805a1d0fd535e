import PrepressContent
import PrepressTemplates

extension ParamValue {
    /// The value as templates see it: free-form data, looked up by name.
    var templateData: TemplateData {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .double(let number): .double(number)
        case .bool(let flag): .bool(flag)
        case .null: .null
        case .list(let items): .list(items.map(\.templateData))
        case .map(let entries): entries.templateData
        }
    }
}

extension Array where Element == ParamEntry {
    var templateData: TemplateData {
        var map: [String: TemplateData] = [:]
        for entry in self { map[entry.key] = entry.value.templateData }
        return .map(map)
    }
}
