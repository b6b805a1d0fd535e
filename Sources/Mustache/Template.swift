//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Class holding Mustache template
public struct MustacheTemplate: Sendable, CustomStringConvertible {
    /// Initialize template
    /// - Parameter string: Template text
    /// - Throws: MustacheTemplate.Error
    public init(string: String) throws {
        let template = try Self.parse(string)
        self.tokens = template.tokens
        self.text = string
        self.filename = nil
    }

    /// Render object using this template
    /// - Parameters
    ///   - object: Object to render
    ///   - library: library template uses to access partials
    /// - Returns: Rendered text
    public func render(_ object: Any, library: MustacheLibrary? = nil) -> String {
        self.render(context: .init(object, library: library))
    }

    /// Render object using this template
    /// - Parameters
    ///   - object: Object to render
    ///   - library: library template uses to access partials
    ///   - reload: Should I reload this template when rendering. This is only available in debug builds
    /// - Returns: Rendered text
    public func render(_ object: Any, library: MustacheLibrary? = nil, reload: Bool) -> String {
        #if DEBUG
        if reload {
            guard let filename else {
                preconditionFailure("Can only use reload if template was generated from a file")
            }
            do {
                guard let template = try MustacheTemplate(filename: filename) else { return "Cannot find template at \(filename)" }
                return template.render(context: .init(object, library: library, reloadPartials: reload))
            } catch {
                return "\(error)"
            }
        }
        #endif
        return self.render(context: .init(object, library: library))
    }

    internal init(_ tokens: [Token], text: String) {
        self.tokens = tokens
        self.filename = nil
        self.text = text
    }

    public var description: String { self.text }

    /// (Prepress: `indirect`, so that copying a token while rendering retains one box rather than each of its
    /// strings, arrays and templates.)
    indirect enum Token: Sendable /* , CustomStringConvertible */ {
        case text(String)
        case variable(name: MustacheName, transforms: [String] = [])
        case unescapedVariable(name: MustacheName, transforms: [String] = [])
        case section(name: MustacheName, transforms: [String] = [], template: MustacheTemplate)
        case invertedSection(name: MustacheName, transforms: [String] = [], template: MustacheTemplate)
        case blockDefinition(name: String, template: MustacheTemplate)
        case blockExpansion(name: String, default: MustacheTemplate, indentation: String?)
        case partial(String, indentation: String?, inherits: [String: MustacheTemplate]?)
        case dynamicNamePartial(String, indentation: String?, inherits: [String: MustacheTemplate]?)
        case contentType(MustacheContentType)
    }

    var tokens: [Token]
    let text: String
    let filename: String?
}

/// A tag's name, split at its dots once, when the template is parsed, rather than on every render.
/// (Prepress: added to the vendored swift-mustache.)
struct MustacheName: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as written: `guide.term`, `.`, `.term`.
    let text: String
    /// The name split at its dots, empty parts dropped: `["guide", "term"]`.
    let parts: [String]

    /// How the name is looked up, decided once.
    let kind: Kind

    enum Kind: Sendable {
        /// `.`: the current object.
        case dot
        /// Nothing (a transform of the sequence context, or the current object).
        case empty
        /// `.name`: the current object's child only.
        case leadingDot
        /// `name`: up the context stack.
        case single
        /// `a.b`: `a` up the context stack, then its children.
        case dotted
    }

    init(_ text: String) {
        self.text = text
        self.parts = text.split(separator: ".").map { String($0) }
        self.kind =
            if text == "." {
                .dot
            } else if text == "" {
                .empty
            } else if text.first == "." {
                .leadingDot
            } else if self.parts.count == 1 {
                .single
            } else {
                .dotted
            }
    }

    init(stringLiteral value: String) {
        self.init(value)
    }

    static func == (lhs: MustacheName, rhs: MustacheName) -> Bool {
        lhs.text == rhs.text
    }

    var description: String { self.text }
}
