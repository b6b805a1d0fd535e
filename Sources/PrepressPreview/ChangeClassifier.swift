import PrepressBuild
import PrepressContent

/// Decides what a changed path in the site folder means for the preview: a pure function, table-tested.
public enum ChangeClassifier {
    /// What one changed path is.
    public enum Kind: Equatable, Sendable {
        /// A guide, by its path under content/.
        case guide(String)
        /// Another file under content/.
        case staticFile
        case template
        case config
        /// A folder appeared or went away: what it held must be looked at again.
        case folder
        /// Editor temp files, swap files, backups, output/, and names Prepress skips.
        case ignored
    }

    /// Classifies `path`, relative to the site folder with `/` separators (`content/roles/x.md`).
    public static func classify(_ path: String, isDirectory: Bool = false) -> Kind {
        let components = path.split(separator: "/").map(String.init)
        guard let first = components.first, let name = components.last else { return .ignored }
        if components.dropFirst().contains(where: { $0.hasPrefix(".") || $0.hasPrefix("_") }) || isEditorLeftover(name) {
            return .ignored
        }
        switch first {
        case "site.yml":
            return components.count == 1 ? .config : .ignored
        case "content":
            guard components.count > 1 else { return .folder }
            if isDirectory { return .folder }
            return ContentLoader.isGuide(name)
                ? .guide(components.dropFirst().joined(separator: "/")) : .staticFile
        case "templates":
            return .template
        default:
            return .ignored
        }
    }

    /// Folds classified paths into the changes a rebuild needs; nil when nothing matters.
    public static func changes(for paths: [ChangedPath]) -> SiteChanges? {
        var changes = SiteChanges()
        for changed in paths {
            switch classify(changed.path, isDirectory: changed.isDirectory) {
            case .guide(let guide): changes.guides.insert(guide)
            case .staticFile: changes.staticFiles = true
            case .template: changes.templates = true
            case .config: changes.config = true
            // A folder's guides are not known one by one here; reading the content again finds them.
            case .folder: changes.rescan = true
            case .ignored: break
            }
        }
        return changes.isEmpty ? nil : changes
    }

    /// Files editors write beside the real one while saving: vim's swap files and `4913` probe,
    /// Emacs's `#file#` and `.#file` locks, `file~` backups, and temporary files.
    static func isEditorLeftover(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913" { return true }
        for suffix in [".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".orig", ".crdownload", ".part"] where lowered.hasSuffix(suffix) {
            return true
        }
        // JetBrains and VS Code safe-write names: `x.md___jb_tmp___`, `x.md.tmp.1234`.
        return lowered.contains("___jb_") || lowered.contains(".tmp.")
    }
}
