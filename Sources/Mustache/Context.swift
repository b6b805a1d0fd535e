//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

/// Context while rendering mustache tokens
///
/// (Prepress: what a section changes — the stack and the sequence context — is held inline; the rest, which
/// only partials, blocks and content-type tags change, is one shared `Environment`. Pushing an object copies two
/// references rather than seven fields.)
struct MustacheContext {
    /// The context stack, innermost object first. (Prepress: a linked list of frames rather than an array, so a
    /// section pushes one frame instead of copying the stack, and each frame knows once whether its object is a
    /// `MustacheParent`.)
    let stack: MustacheContextFrame
    let sequenceContext: MustacheSequenceContext?
    private let environment: Environment

    var indentation: String? { self.environment.indentation }
    var inherited: [String: MustacheTemplate]? { self.environment.inherited }
    var contentType: MustacheContentType { self.environment.contentType }
    var library: MustacheLibrary? { self.environment.library }
    var reloadPartials: Bool { self.environment.reloadPartials }

    final class Environment {
        let indentation: String?
        let inherited: [String: MustacheTemplate]?
        let contentType: MustacheContentType
        let library: MustacheLibrary?
        let reloadPartials: Bool

        init(
            indentation: String?,
            inherited: [String: MustacheTemplate]?,
            contentType: MustacheContentType,
            library: MustacheLibrary?,
            reloadPartials: Bool
        ) {
            self.indentation = indentation
            self.inherited = inherited
            self.contentType = contentType
            self.library = library
            self.reloadPartials = reloadPartials
        }
    }

    /// initialize context with a single objectt
    init(_ object: Any, library: MustacheLibrary? = nil, reloadPartials: Bool = false) {
        self.stack = MustacheContextFrame(object, below: nil)
        self.sequenceContext = nil
        self.environment = Environment(
            indentation: nil,
            inherited: nil,
            contentType: HTMLContentType(),
            library: library,
            reloadPartials: reloadPartials
        )
    }

    private init(stack: MustacheContextFrame, sequenceContext: MustacheSequenceContext?, environment: Environment) {
        self.stack = stack
        self.sequenceContext = sequenceContext
        self.environment = environment
    }

    private init(
        stack: MustacheContextFrame,
        sequenceContext: MustacheSequenceContext?,
        indentation: String?,
        inherited: [String: MustacheTemplate]?,
        contentType: MustacheContentType,
        library: MustacheLibrary? = nil,
        reloadPartials: Bool
    ) {
        self.stack = stack
        self.sequenceContext = sequenceContext
        self.environment = Environment(
            indentation: indentation,
            inherited: inherited,
            contentType: contentType,
            library: library,
            reloadPartials: reloadPartials
        )
    }

    /// return context with object add to stack
    func withObject(_ object: Any) -> MustacheContext {
        .init(stack: MustacheContextFrame(object, below: self.stack), sequenceContext: nil, environment: self.environment)
    }

    /// return context with indent and parameter information for invoking a partial
    func withPartial(indented: String?, inheriting: [String: MustacheTemplate]?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        let inherits: [String: MustacheTemplate]?
        if let inheriting {
            if let originalInherits = self.inherited {
                inherits = originalInherits.merging(inheriting) { value, _ in value }
            } else {
                inherits = inheriting
            }
        } else {
            inherits = self.inherited
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            indentation: indentation,
            inherited: inherits,
            contentType: HTMLContentType(),
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with indent information for invoking an inheritance block
    func withBlockExpansion(indented: String?) -> MustacheContext {
        let indentation: String?
        if let indented {
            indentation = (self.indentation ?? "") + indented
        } else {
            indentation = self.indentation
        }
        return .init(
            stack: self.stack,
            sequenceContext: nil,
            indentation: indentation,
            inherited: self.inherited,
            contentType: self.contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withSequence(_ object: Any, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        .init(
            stack: MustacheContextFrame(object, below: self.stack),
            sequenceContext: sequenceContext,
            environment: self.environment
        )
    }

    /// Context with a typed value pushed on the stack. (Prepress.)
    func withValue(_ value: MustacheValue) -> MustacheContext {
        .init(stack: MustacheContextFrame(value: value, below: self.stack), sequenceContext: nil, environment: self.environment)
    }

    /// Context with a typed item of a list pushed on the stack, and where it stands in the list. (Prepress.)
    func withSequence(value: MustacheValue, sequenceContext: MustacheSequenceContext) -> MustacheContext {
        .init(
            stack: MustacheContextFrame(value: value, below: self.stack),
            sequenceContext: sequenceContext,
            environment: self.environment
        )
    }

    /// return context with sequence info and sequence element added to stack
    func withContentType(_ contentType: MustacheContentType) -> MustacheContext {
        .init(
            stack: self.stack,
            sequenceContext: self.sequenceContext,
            indentation: self.indentation,
            inherited: self.inherited,
            contentType: contentType,
            library: self.library,
            reloadPartials: self.reloadPartials
        )
    }
}

/// One object of the context stack, and the frames below it. (Prepress: added to the vendored swift-mustache.)
final class MustacheContextFrame {
    let object: Any
    /// The object as a `MustacheParent`, found once when it is pushed rather than on every lookup; nil for an
    /// object that is not one or that has a `MustacheCustomRepresentation`, which the general lookup handles.
    let parent: MustacheParent?
    /// The object as a `MustacheTypedParent`, whose keys answer with typed values.
    let typed: MustacheTypedParent?
    /// Whether the object is a text, number or flag, which has no children to look up: the general lookup, by
    /// `Mirror`, finds none.
    let isLeaf: Bool
    let below: MustacheContextFrame?

    init(_ object: Any, below: MustacheContextFrame?) {
        self.object = object
        if object is MustacheCustomRepresentation {
            self.parent = nil
            self.typed = nil
            self.isLeaf = false
        } else if let parent = object as? MustacheParent {
            self.parent = parent
            self.typed = parent as? MustacheTypedParent
            self.isLeaf = false
        } else {
            self.parent = nil
            self.typed = nil
            self.isLeaf = isLeafValue(object)
        }
        self.below = below
    }

    /// A frame for a typed value: what it is is known without asking.
    convenience init(value: MustacheValue, below: MustacheContextFrame?) {
        switch value {
        case .object(let object):
            self.init(object: object, parent: object, typed: object, isLeaf: false, below: below)
        case .text(let text):
            self.init(object: text, parent: nil, typed: nil, isLeaf: true, below: below)
        case .number(let number):
            self.init(object: number, parent: nil, typed: nil, isLeaf: true, below: below)
        case .flag(let flag):
            self.init(object: flag, parent: nil, typed: nil, isLeaf: true, below: below)
        case .other(let object):
            self.init(object, below: below)
        case .list, .absent:
            self.init(value.anyValue, below: below)
        }
    }

    private init(object: Any, parent: MustacheParent?, typed: MustacheTypedParent?, isLeaf: Bool, below: MustacheContextFrame?) {
        self.object = object
        self.parent = parent
        self.typed = typed
        self.isLeaf = isLeaf
        self.below = below
    }
}

/// Whether `object` is a text, number or flag: a value with no children for a name to look up. (Prepress.)
@inline(__always)
func isLeafValue(_ object: Any) -> Bool {
    object is String || object is Int || object is Bool || object is Double
}
