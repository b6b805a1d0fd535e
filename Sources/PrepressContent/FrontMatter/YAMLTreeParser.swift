internal import CYAML

/// Parses YAML text into a `FrontMatterNode` tree, keeping every scalar as written (no implicit typing): the
/// plain subset by `PlainYAMLParser`, anything else by composing libyaml's events (`YAMLComposer`).
public enum YAMLTreeParser {
    /// A guide's front matter must not expand into more nodes than this (aliases can multiply them).
    static let nodeLimit = 50_000

    /// Parses `yaml`; `lineOffset` is added to every line so positions count in the enclosing file.
    /// Returns nil for an empty document.
    public static func parse(_ yaml: String, file: String, lineOffset: Int = 0) throws(DiagnosticsError) -> FrontMatterNode? {
        if let plain = PlainYAMLParser.parse(yaml, lineOffset: lineOffset) { return plain }
        return try parseWithLibYAML(yaml, file: file, lineOffset: lineOffset)
    }

    /// For the fuzzer: a description of how `PlainYAMLParser`'s tree differs from libyaml's for `yaml`, nil when
    /// it declines the text or gives the same tree (libyaml refusing a text the plain parser read is a difference).
    @_spi(Fuzzing) public static func plainParserDisagreement(_ yaml: String) -> String? {
        guard let plain = PlainYAMLParser.parse(yaml, lineOffset: 0) else { return nil }
        let full = try? parseWithLibYAML(yaml, file: "fuzz", lineOffset: 0)
        return plain == full ? nil : "plain: \(plain)\nlibyaml: \(full.map { "\($0)" } ?? "an error")"
    }

    /// Parses `yaml` with libyaml, whatever it holds (`parse` first tries `PlainYAMLParser`, which gives the
    /// same tree faster for the plain YAML most front matter is).
    static func parseWithLibYAML(_ yaml: String, file: String, lineOffset: Int = 0) throws(DiagnosticsError) -> FrontMatterNode? {
        var yaml = yaml
        let result: Result<FrontMatterNode?, DiagnosticsError> = yaml.withUTF8 { bytes in
            var composer = YAMLComposer(file: file, lineOffset: lineOffset, yaml: bytes)
            defer { composer.close() }
            do throws(YAMLComposer.Failure) {
                let root = try composer.document()
                return composer.problems.isEmpty ? .success(root) : .failure(DiagnosticsError(composer.problems))
            } catch {
                return .failure(DiagnosticsError(composer.problems + [composer.diagnostic(for: error)]))
            }
        }
        return try result.get()
    }

    static func hint(atLine line: Int, in yaml: UnsafeBufferPointer<UInt8>, problem: String) -> String? {
        let lines = yaml.split(separator: 10, omittingEmptySubsequences: false)
        if line >= 1, line <= lines.count, lines[line - 1].contains(9) {
            return "indent with spaces: YAML does not allow tabs"
        }
        if problem.contains("mapping values are not allowed") {
            return "put text that contains ': ' in quotes"
        }
        return nil
    }
}
