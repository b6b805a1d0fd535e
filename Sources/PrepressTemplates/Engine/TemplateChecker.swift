/// Checks templates against the view types they render, and records where each name is found so that
/// rendering reads keys by position.
///
/// A page template is checked with its view type; the partials and parents it includes are checked where they
/// are included, with the context stack they get there, and blocks with the content that replaces them.
/// Free-form data (`params`) in scope stops the check for the names it might answer.
struct TemplateChecker {
    private let templates: [CompiledTemplate]
    private let positions: [String: Int]
    private(set) var problems: Set<TemplateProblem> = []
    private var checked: Set<String> = []
    /// By page view type, then by view type, the most views of that type a name read under such a page passes
    /// through (`TemplateReads.nesting`): counted from the frames in scope and the views a dotted name walks.
    private(set) var nesting: [ObjectIdentifier: [ObjectIdentifier: Int]] = [:]
    /// The names looked up where free-form data was in scope: at run time they may come from any view below it.
    private(set) var freeFormNames: Set<String> = []
    /// Every key a name was found to be, by view type and position, by the page type at the bottom of the
    /// scope it was found in.
    private(set) var readKeysByPage: [ObjectIdentifier: Set<TemplateReads.Key>] = [:]
    /// The views the parts of the name `resolve` last resolved walk through before its last part.
    private var walked: [any TemplateView.Type] = []
    /// The page type at the bottom of the scope of the name being resolved.
    private var resolvingPage: ObjectIdentifier?

    /// Frames of one signature kept in a normalized scope (`normalized(_:)`): enough to count nesting up to
    /// `TemplateReads.nestingLimit`, few enough that a partial including itself is checked a bounded number of
    /// times.
    static let keptRepeats = TemplateReads.nestingLimit + 1
    /// Past `TemplateReads.checkBudget` checks, repeats are no longer kept (each scope keeps one frame of a
    /// signature, as when nesting is not counted) and nesting is unknown.
    private let checkBudget: Int
    private var repeatsKept = TemplateChecker.keptRepeats
    /// Whether the budget ran out: then `nesting` is not complete.
    private(set) var nestingUnknown = false

    init(templates: [CompiledTemplate], positions: [String: Int], checkBudget: Int = TemplateReads.checkBudget) {
        self.checkBudget = checkBudget
        self.templates = templates
        self.positions = positions
    }

    /// A block in scope while a parent renders: its content and the template it is written in.
    private struct Override {
        let block: TemplateBlock
        let template: Int
    }

    /// Checks the template `name` as rendered with a view of `type`.
    mutating func check(_ name: String, as type: any TemplateView.Type) {
        guard let position = positions[name] else { return }
        check(template: position, scope: [.view(type)], overrides: [], depth: 0)
    }

    private mutating func check(template: Int, scope: [TemplateType], overrides: [Override], depth: Int) {
        guard depth < TemplateRendering.maximumDepth else { return }
        if checked.count > checkBudget, !nestingUnknown {
            nestingUnknown = true
            repeatsKept = 1
        }
        let scope = normalized(scope)
        let key = "\(template)|" + scope.map(Self.signature).joined(separator: ",") + "|"
            + overrides.map { "\($0.block.name)@\($0.template):\($0.block.location.offset)" }.joined(separator: ",")
        guard checked.insert(key).inserted else { return }
        check(templates[template].nodes, in: template, scope: scope, overrides: overrides, depth: depth)
    }

    private mutating func check(_ nodes: [TemplateNode], in template: Int, scope: [TemplateType], overrides: [Override], depth: Int) {
        for node in nodes {
            switch node {
            case .text:
                break
            case .variable(let name, _):
                guard let type = resolve(name, in: template, scope: scope) else { continue }
                switch type {
                case .view:
                    report(in: template, at: name.location, "'\(name.text)' is \(type.spoken), not a text",
                           hint: "write one of its keys, as in {{\(name.text).\(Self.firstKey(of: type) ?? "name")}}, or open it as a section: {{#\(name.text)}}…{{/\(name.text)}}")
                case .list:
                    report(in: template, at: name.location, "'\(name.text)' is \(type.spoken), not a text",
                           hint: "go through it with a section: {{#\(name.text)}}…{{/\(name.text)}}")
                case .text, .number, .flag, .data:
                    break
                }
            case .section(let name, let children):
                let pushed: TemplateType
                switch resolve(name, in: template, scope: scope) {
                case .list(let item)?: pushed = item
                case let type?: pushed = type
                case nil: pushed = .data
                }
                // The views a dotted name walks (`guide` of `guide.related`) stay in scope as markers that no
                // lookup finds (a list is never a frame), so that the nesting under the section counts them.
                let markers = walked.map { TemplateType.list(.view($0)) }
                check(children, in: template, scope: scope + markers + [pushed], overrides: overrides, depth: depth)
            case .inverted(let name, let children):
                _ = resolve(name, in: template, scope: scope)
                check(children, in: template, scope: scope, overrides: overrides, depth: depth)
            case .partial(let inclusion):
                guard let target = target(of: inclusion, in: template) else { continue }
                check(template: target, scope: scope, overrides: overrides, depth: depth + 1)
            case .parent(let inclusion, let blocks):
                guard let target = target(of: inclusion, in: template) else { continue }
                let offered = blockNames(of: target)
                for block in blocks where !offered.contains(block.name) {
                    let suggestion = Self.closest(to: block.name, among: offered.sorted())
                    report(in: template, at: block.location, "'\(block.name)' is not a block of '\(inclusion.name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                           hint: offered.isEmpty ? "'\(inclusion.name)' has no blocks to replace" : "its blocks are " + offered.sorted().map { "'\($0)'" }.joined(separator: ", "))
                }
                var inner = overrides
                for block in blocks where !inner.contains(where: { $0.block.name == block.name }) {
                    inner.append(Override(block: block, template: template))
                }
                check(template: target, scope: scope, overrides: inner, depth: depth + 1)
            case .block(let block):
                if let override = overrides.first(where: { $0.block.name == block.name }) {
                    check(override.block.nodes, in: override.template, scope: scope, overrides: overrides, depth: depth + 1)
                } else {
                    check(block.nodes, in: template, scope: scope, overrides: overrides, depth: depth + 1)
                }
            }
        }
    }

    // MARK: Names

    /// The type `name` has in `scope`, recording where it was found; nil when it cannot be known (free-form
    /// data) or is not there (reported).
    private mutating func resolve(_ name: TemplateName, in template: Int, scope: [TemplateType]) -> TemplateType? {
        walked = []
        resolvingPage = if case .view(let page)? = scope.first { ObjectIdentifier(page) } else { nil }
        var chain: [TemplateType] = []
        let type = resolve(name, in: template, scope: scope, chain: &chain)
        if type == nil {
            // Unknown (free-form data in scope) or reported: at run time any view below may answer.
            if scope.contains(where: { if case .data = $0 { true } else { false } }) { freeFormNames.formUnion(name.parts) }
            return nil
        }
        walked = chain.dropLast().compactMap { if case .view(let view) = $0 { view } else { nil } }
        noteNesting(scope: scope, walked: walked)
        return type
    }

    private mutating func noteRead(_ key: TemplateReads.Key) {
        if let page = resolvingPage { readKeysByPage[page, default: []].insert(key) }
    }

    /// Records, for the page at the bottom of `scope`, how many views of each type a read there passes through.
    private mutating func noteNesting(scope: [TemplateType], walked: [any TemplateView.Type]) {
        guard case .view(let page)? = scope.first else { return }
        var counts: [ObjectIdentifier: Int] = [:]
        for frame in scope {
            switch frame {
            case .view(let view), .list(.view(let view)): counts[ObjectIdentifier(view), default: 0] += 1
            default: break
            }
        }
        for view in walked { counts[ObjectIdentifier(view), default: 0] += 1 }
        for (view, count) in counts { nesting[ObjectIdentifier(page), default: [:]][view] = max(nesting[ObjectIdentifier(page)]?[view] ?? 0, count) }
    }

    /// `resolve(_:in:scope:)`, with the type of each part of the name in `chain`.
    private mutating func resolve(_ name: TemplateName, in template: Int, scope: [TemplateType], chain: inout [TemplateType]) -> TemplateType? {
        guard let top = scope.last else { return nil }
        var type: TemplateType
        switch name.kind {
        case .implicit:
            return top
        case .top:
            guard let found = member(name, part: 0, of: top, in: template) else { return nil }
            type = found
            chain.append(found)
        case .stack:
            var found: TemplateType?
            search: for frame in scope.reversed() {
                switch frame {
                case .view(let view):
                    let keys = keyTable(of: view)
                    if let position = keys.positions[name.parts[0]] {
                        name.resolve(part: 0, in: view, at: position)
                        noteRead(TemplateReads.Key(type: ObjectIdentifier(view), position: position))
                        found = keys.types[position]
                        break search
                    }
                case .data:
                    return nil
                case .text, .number, .flag, .list:
                    continue
                }
            }
            guard let first = found else {
                let views = scope.reversed().compactMap { frame -> TemplateKeyTable? in
                    if case .view(let view) = frame { return keyTable(of: view) } else { return nil }
                }
                let candidates = views.flatMap(\.names)
                let suggestion = Self.closest(to: name.parts[0], among: candidates)
                let owner = views.first?.description ?? "anything in scope"
                report(in: template, at: name.location, "'\(name.parts[0])' is not a key of \(owner)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                       hint: views.first.map { "\($0.description) has " + Self.listed($0.names) })
                return nil
            }
            type = first
            chain.append(first)
        }
        for part in name.parts.indices.dropFirst() {
            guard let next = member(name, part: part, of: type, in: template) else { return nil }
            type = next
            chain.append(next)
        }
        return type
    }

    /// The type of part `part` of `name` inside a value of `type`; reports a key the type does not have.
    private mutating func member(_ name: TemplateName, part: Int, of type: TemplateType, in template: Int) -> TemplateType? {
        let key = name.parts[part]
        switch type {
        case .view(let view):
            let keys = keyTable(of: view)
            if let position = keys.positions[key] {
                name.resolve(part: part, in: view, at: position)
                noteRead(TemplateReads.Key(type: ObjectIdentifier(view), position: position))
                return keys.types[position]
            }
            let suggestion = Self.closest(to: key, among: keys.names)
            report(in: template, at: name.location(ofPart: part), "'\(key)' is not a key of \(keys.description)" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                   hint: "\(keys.description) has " + Self.listed(keys.names))
            return nil
        case .data:
            return nil
        case .text, .number, .flag, .list:
            let owner = name.parts[..<part].joined(separator: ".")
            report(in: template, at: name.location, "'\(owner.isEmpty ? "." : owner)' is \(type.spoken), which has no key '\(key)'", hint: nil)
            return nil
        }
    }

    // MARK: Inclusions

    private mutating func target(of inclusion: TemplateInclusion, in template: Int) -> Int? {
        if let target = inclusion.target { return target }
        let names = templates.map(\.name)
        let suggestion = Self.closest(to: inclusion.name, among: names)
        report(in: template, at: inclusion.location, "there is no template '\(inclusion.name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
               hint: "templates are named by their path under templates/ without .mustache, as in partials/header")
        return nil
    }

    /// Names of the blocks a template offers: its own, and those of the templates it includes.
    private func blockNames(of template: Int) -> Set<String> {
        var names: Set<String> = []
        var visited: Set<Int> = []
        func collect(_ nodes: [TemplateNode]) {
            for node in nodes {
                switch node {
                case .text, .variable: break
                case .section(_, let children), .inverted(_, let children): collect(children)
                case .partial(let inclusion): inclusion.target.map(visit)
                case .parent(let inclusion, let blocks):
                    inclusion.target.map(visit)
                    for block in blocks { collect(block.nodes) }
                case .block(let block):
                    names.insert(block.name)
                    collect(block.nodes)
                }
            }
        }
        func visit(_ template: Int) {
            guard visited.insert(template).inserted else { return }
            collect(templates[template].nodes)
        }
        visit(template)
        return names
    }

    // MARK: Reporting

    private mutating func report(in template: Int, at location: TemplateLocation, _ message: String, hint: String?) {
        let (line, column) = templates[template].lineAndColumn(of: location)
        problems.insert(TemplateProblem(template: templates[template].name, line: line, column: column, message: message, hint: hint))
    }

    /// The scope with what cannot change a lookup removed, so that a partial including itself is checked a
    /// bounded number of times: a view type shadowed by the same type further in beyond `repeatsKept` frames,
    /// values without keys below the top. (The repeats and the markers of walked views, `.list` frames, stay for
    /// counting nesting.)
    private func normalized(_ scope: [TemplateType]) -> [TemplateType] {
        guard let top = scope.last else { return scope }
        var seen: [String: Int] = [Self.signature(top): 1]
        var kept: [TemplateType] = []
        for frame in scope.dropLast().reversed() {
            switch frame {
            case .view, .data, .list(.view):
                let count = seen[Self.signature(frame), default: 0]
                if count < repeatsKept {
                    seen[Self.signature(frame)] = count + 1
                    kept.append(frame)
                }
            case .text, .number, .flag, .list:
                continue
            }
        }
        return kept.reversed() + [top]
    }

    private static func signature(_ type: TemplateType) -> String {
        switch type {
        case .text: "t"
        case .number: "n"
        case .flag: "f"
        case .data: "d"
        case .view(let view): "v\(UInt(bitPattern: ObjectIdentifier(view)))"
        case .list(let item): "l" + signature(item)
        }
    }

    private static func firstKey(of type: TemplateType) -> String? {
        if case .view(let view) = type { return keyTable(of: view).names.first }
        return nil
    }

    private static func listed(_ names: [String]) -> String {
        names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// The candidate nearest to `name` by edit distance (a swap of two letters counts as one edit), when it is
    /// near enough to be a likely typo.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, name.count / 3 + 1))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(name, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
