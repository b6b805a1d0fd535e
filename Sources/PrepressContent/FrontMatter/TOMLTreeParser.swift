internal import TOMLKit

/// Parses TOML text (`+++` front matter) into a `FrontMatterNode` tree.
public enum TOMLTreeParser {
    /// Parses `toml`; `lineOffset` is added to every line so positions count in the enclosing file.
    public static func parse(_ toml: String, file: String, lineOffset: Int = 0) throws(DiagnosticsError) -> FrontMatterNode {
        if let bad = TOMLPrecheck.problem(in: toml) {
            throw DiagnosticsError([.error(
                at: SourceLocation(file: file, line: bad.line + lineOffset, column: bad.column), "invalid TOML: " + bad.message,
                hint: bad.message == TOMLPrecheck.headerProblem ? "write a table as `[name]`, or quote the name: `[\"name\"]`" : nil)])
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            let location = SourceLocation(file: file, line: error.source.begin.line + lineOffset, column: error.source.begin.column)
            throw DiagnosticsError([.error(at: location, "invalid TOML: \(error.description)")])
        } catch {
            throw DiagnosticsError([.error(at: SourceLocation(file: file, line: lineOffset + 1), "invalid TOML: \(error)")])
        }
        // TOMLKit keeps no positions, so each top-level key is placed on the line where it is written.
        let keyLines = topLevelKeyLines(toml)
        var entries: [FrontMatterEntry] = []
        for key in table.keys.sorted(by: { (keyLines[$0] ?? .max, $0) < (keyLines[$1] ?? .max, $1) }) {
            guard let value = table[key] else { continue }
            let line = (keyLines[key] ?? 1) + lineOffset
            entries.append(FrontMatterEntry(key: key, node: convert(value, line: line)))
        }
        return FrontMatterNode(.map(entries), line: lineOffset + 1, column: 1)
    }

    private static func convert(_ value: TOMLValueConvertible, line: Int) -> FrontMatterNode {
        let column = 1
        switch value.type {
        case .string:
            return FrontMatterNode(.scalar(value.string ?? "", quoted: true), line: line, column: column)
        case .table:
            let table = value.table!
            let entries = table.keys.sorted().compactMap { key in
                table[key].map { FrontMatterEntry(key: key, node: convert($0, line: line)) }
            }
            return FrontMatterNode(.map(entries), line: line, column: column)
        case .array:
            let items = value.array!.map { convert($0, line: line) }
            return FrontMatterNode(.list(items), line: line, column: column)
        case .int:
            return FrontMatterNode(.scalar(String(value.int ?? 0), quoted: false), line: line, column: column)
        case .double:
            return FrontMatterNode(.scalar(String(value.double ?? 0), quoted: false), line: line, column: column)
        case .bool:
            return FrontMatterNode(.scalar((value.bool ?? false) ? "true" : "false", quoted: false), line: line, column: column)
        case .date:
            let date = value.date!
            return FrontMatterNode(.scalar(formatDate(date), quoted: false), line: line, column: column)
        case .time:
            let time = value.time!
            return FrontMatterNode(.scalar(formatTime(time), quoted: false), line: line, column: column)
        case .dateTime:
            let dateTime = value.dateTime!
            var text = formatDate(dateTime.date) + "T" + formatTime(dateTime.time)
            if let offset = dateTime.offset {
                text += offset.offset == 0 ? "Z" : formatOffset(minutes: offset.offset)
            }
            return FrontMatterNode(.scalar(text, quoted: false), line: line, column: column)
        }
    }

    private static func formatDate(_ date: TOMLDate) -> String {
        pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
    }

    private static func formatTime(_ time: TOMLTime) -> String {
        pad(time.hour, 2) + ":" + pad(time.minute, 2) + ":" + pad(time.second, 2)
    }

    private static func formatOffset(minutes: Int) -> String {
        let sign = minutes < 0 ? "-" : "+"
        let magnitude = abs(minutes)
        return sign + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }

    private static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The line of each `key =` written before the first `[table]` header, and of each `[table]` header of a
    /// top-level table (its values are placed on it).
    static func topLevelKeyLines(_ toml: String) -> [String: Int] {
        var result: [String: Int] = [:]
        var lineNumber = 0
        var inTable = false
        for rawLine in toml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            if line.hasPrefix("[") {
                inTable = true
                let name = line.dropFirst(line.hasPrefix("[[") ? 2 : 1).prefix { $0 != "]" && $0 != "." }.trimmingCharacters(in: " \t\"'")
                if !name.isEmpty, result[name] == nil { result[name] = lineNumber }
                continue
            }
            if inTable { continue }
            guard let equals = line.firstIndex(of: "=") else { continue }
            var key = line[..<equals].trimmingCharacters(in: " \t")
            if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
                key = String(key.dropFirst().dropLast())
            }
            if !key.isEmpty, result[key] == nil { result[key] = lineNumber }
        }
        return result
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
