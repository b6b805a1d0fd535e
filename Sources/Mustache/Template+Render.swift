//
// This source file is part of the Hummingbird server framework project
// Copyright (c) the Hummingbird authors
//
// See LICENSE.txt for license information
// SPDX-License-Identifier: Apache-2.0
//

import Foundation

extension MustacheTemplate {
    /// Render template using object
    /// - Parameters:
    ///   - stack: Object
    ///   - context: Context that render is occurring in. Contains information about position in sequence
    ///   - indentation: indentation of partial
    /// - Returns: Rendered text
    func render(context: MustacheContext) -> String {
        var string = ""
        self.render(context: context, into: &string)
        return string
    }

    /// Render template, appending the text to `output`. (Prepress: templates, sections and partials write into one
    /// string rather than each returning its own to be appended to its parent's.)
    func render(context: MustacheContext, into output: inout String) {
        if let indentation = context.indentation, indentation != "" {
            var context = context
            var string = ""
            for token in tokens {
                if case .contentType(let contentType) = token {
                    context = context.withContentType(contentType)
                    continue
                }
                var renderedString = ""
                self.renderToken(token, context: context, into: &renderedString)
                // if rendered string is not empty and we are on a new line
                if renderedString.count > 0, string.last == "\n" {
                    string += indentation
                }
                string += renderedString
            }
            output += string
        } else {
            var context = context
            // Prepress: tokens are read in place, not copied out of the array one by one.
            self.tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    if case .contentType(let contentType) = tokens[index] {
                        context = context.withContentType(contentType)
                    } else {
                        self.renderToken(tokens[index], context: context, into: &output)
                    }
                }
            }
        }
    }

    /// Renders one token; content-type tags are handled by `render(context:into:)`, which owns the context.
    func renderToken(_ token: Token, context: MustacheContext, into output: inout String) {
        switch token {
        case .text(let text):
            output += text

        case .variable(let variable, let transforms):
            // Prepress: typed values render without casts; the rest as upstream does.
            switch self.getValue(named: variable, transforms: transforms, context: context) {
            case nil:
                break
            case .text(let text):
                output += context.contentType.escapeText(text)
            case .number(let number):
                output += context.contentType.escapeText(String(number))
            case .flag(let flag):
                output += context.contentType.escapeText(flag ? "true" : "false")
            case .absent:
                output += context.contentType.escapeText("")
            case .some(let value):
                self.renderVariable(value.anyValue, context: context, into: &output)
            }

        case .unescapedVariable(let variable, let transforms):
            switch self.getValue(named: variable, transforms: transforms, context: context) {
            case nil, .absent:
                break
            case .text(let text):
                output += text
            case .number(let number):
                output += String(number)
            case .flag(let flag):
                output += flag ? "true" : "false"
            case .some(let value):
                self.renderUnescapedVariable(value.anyValue, context: context, into: &output)
            }

        case .section(let variable, let transforms, let template):
            switch self.getValue(named: variable, transforms: transforms, context: context) {
            case nil, .absent:
                break
            case .flag(let flag):
                if flag { template.render(context: context, into: &output) }
            case .list(let items):
                self.renderList(items, with: template, context: context, into: &output)
            case .some(let value) where value.isTyped:
                template.render(context: context.withValue(value), into: &output)
            case .some(let value):
                self.renderSectionOrLambda(value.anyValue, with: template, context: context, into: &output)
            }

        case .invertedSection(let variable, let transforms, let template):
            switch self.getValue(named: variable, transforms: transforms, context: context) {
            case nil, .absent:
                template.render(context: context, into: &output)
            case .flag(let flag):
                if !flag { template.render(context: context, into: &output) }
            case .list(let items):
                if items.isEmpty { template.render(context: context.withObject(items.map(\.anyValue)), into: &output) }
            case .text, .number, .object:
                break
            case .other(let object):
                self.renderInvertedSection(object, with: template, context: context, into: &output)
            }

        case .blockExpansion(let name, let defaultTemplate, let indented):
            if let override = context.inherited?[name] {
                override.render(context: context.withBlockExpansion(indented: indented), into: &output)
            } else {
                defaultTemplate.render(context: context.withBlockExpansion(indented: indented), into: &output)
            }

        case .partial(let name, let indentation, let overrides):
            if var template = context.library?.getTemplate(named: name) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .dynamicNamePartial(let name, let indentation, let overrides):
            let child = self.getChild(named: MustacheName(name), transforms: [], context: context)
            guard let childName = child as? String else {
                return
            }
            if var template = context.library?.getTemplate(named: childName) {
                #if DEBUG
                if context.reloadPartials {
                    guard let filename = template.filename else {
                        preconditionFailure("Can only use reload if template was generated from a file")
                    }
                    do {
                        guard let partialTemplate = try MustacheTemplate(filename: filename) else {
                            output += "Cannot find template at \(filename)"
                            return
                        }
                        template = partialTemplate
                    } catch {
                        output += "\(error)"
                        return
                    }
                }
                #endif
                template.render(context: context.withPartial(indented: indentation, inheriting: overrides), into: &output)
            }

        case .contentType:
            break

        case .blockDefinition:
            fatalError("Should not be rendering block definitions")
        }
    }

    /// Renders the value of a `{{name}}` tag.
    func renderVariable(_ child: Any, context: MustacheContext, into output: inout String) {
        // Prepress: a String takes the general path's last branch; say so without asking what else it is.
        if let string = child as? String {
            output += context.contentType.escapeText(string)
        } else if let template = child as? MustacheTemplate {
            template.render(context: context, into: &output)
        } else if let renderable = child as? MustacheCustomRenderable {
            output += context.contentType.escapeText(renderable.renderText)
        } else if let lambda = child as? MustacheLambda {
            output += self.renderLambda(lambda, parameter: "", context: context)
        } else {
            output += context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(child)))
        }
    }

    /// Renders the value of a `{{{name}}}` tag.
    func renderUnescapedVariable(_ child: Any, context: MustacheContext, into output: inout String) {
        if let string = child as? String {
            output += string
        } else if let renderable = child as? MustacheCustomRenderable {
            output += renderable.renderText
        } else if let lambda = child as? MustacheLambda {
            output += self.renderUnescapedLambda(lambda, parameter: "", context: context)
        } else {
            output += String(describing: unwrapIfAnyContainsOptional(child))
        }
    }

    /// Renders a `{{#name}}` section for its value: a lambda's result, or the section.
    func renderSectionOrLambda(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        if let lambda = child as? MustacheLambda {
            output += self.renderUnescapedLambda(lambda, parameter: template.text, context: context)
            return
        }
        self.renderSection(child, with: template, context: context, into: &output)
    }

    /// Renders a section once for each item of a typed list, as upstream renders a sequence. (Prepress.)
    func renderList(_ items: [MustacheValue], with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        guard !items.isEmpty else { return }
        var sequenceContext = MustacheSequenceContext(first: true)
        for index in items.indices {
            if index == items.count - 1 { sequenceContext.last = true }
            template.render(context: context.withSequence(value: items[index], sequenceContext: sequenceContext), into: &output)
            sequenceContext.first = false
            sequenceContext.index += 1
        }
    }

    /// Looks a name up as `getChild` does, keeping the values of typed views typed; values found by the general
    /// lookup come back as `.other`. (Prepress.)
    func getValue(named name: MustacheName, transforms: [String], context: MustacheContext) -> MustacheValue? {
        guard transforms.isEmpty, name.kind == .single || name.kind == .dotted else {
            return self.getChild(named: name, transforms: transforms, context: context).map(MustacheValue.other)
        }
        let parts = name.parts
        var found: MustacheValue?
        var frame: MustacheContextFrame? = context.stack
        while let current = frame {
            if let typed = current.typed {
                found = typed.value(named: parts[0])
            } else if let parent = current.parent {
                found = parent.child(named: parts[0]).map(MustacheValue.other)
            } else if !current.isLeaf {
                found = _getImmediateChild(named: parts[0], from: current.object).map(MustacheValue.other)
            }
            if found != nil { break }
            frame = current.below
        }
        guard var value = found else { return nil }
        var index = 1
        while index < parts.count {
            switch value {
            case .object(let object):
                guard let child = object.value(named: parts[index]) else { return nil }
                value = child
                index += 1
            case .other(let object):
                guard let child = _getChild(named: parts[index...], from: object) else { return nil }
                value = .other(child)
                index = parts.count
            case .text, .number, .flag, .list, .absent:
                // No children: the general lookup finds none in a text, number, flag, array or `MustacheAbsent`.
                return nil
            }
        }
        if case .other(let object) = value, !(object is String), let custom = object as? MustacheCustomRepresentation {
            return custom.representation.map(MustacheValue.other)
        }
        return value
    }

    /// Render a section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext) -> String {
        var string = ""
        self.renderSection(child, with: template, context: context, into: &string)
        return string
    }

    func renderSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        switch child {
        case let bool as Bool:  // Prepress: first, as the cheapest test; a Bool is no sequence
            if bool { template.render(context: context, into: &output) }
        case let array as any MustacheSequence:
            array.renderSection(with: template, context: context, into: &output)
        case let null as MustacheCustomRenderable where null.isNull == true:
            break
        case .some(let value):
            template.render(context: context.withObject(value), into: &output)
        case .none:
            break
        }
    }

    /// Render an inverted section
    /// - Parameters:
    ///   - child: Object to render section for
    ///   - parent: Current object being rendered
    ///   - template: Template to render with
    /// - Returns: Rendered text
    func renderInvertedSection(_ child: Any?, with template: MustacheTemplate, context: MustacheContext, into output: inout String) {
        switch child {
        case let bool as Bool:  // Prepress: first, as the cheapest test; a Bool is no sequence
            if !bool { template.render(context: context, into: &output) }
        case let array as any MustacheSequence:
            array.renderInvertedSection(with: template, context: context, into: &output)
        case let null as MustacheCustomRenderable where null.isNull == true:
            template.render(context: context, into: &output)
        case .some:
            break
        case .none:
            template.render(context: context, into: &output)
        }
    }

    func renderLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: context.contentType.escapeText(string))
                    return self.renderSection(context.stack.object, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return context.contentType.escapeText(String(describing: unwrapIfAnyContainsOptional(result)))
            }
        }
    }

    func renderUnescapedLambda(_ lambda: MustacheLambda, parameter: String, context: MustacheContext) -> String {
        var lambda = lambda
        while true {
            guard let result = lambda(parameter) else { return "" }
            if let string = result as? String {
                do {
                    let newTemplate = try MustacheTemplate(string: string)
                    return self.renderSection(context.stack.object, with: newTemplate, context: context)
                } catch {
                    return ""
                }
            } else if let lambda2 = result as? MustacheLambda {
                lambda = lambda2
                continue
            } else {
                return String(describing: unwrapIfAnyContainsOptional(result))
            }
        }
    }

    /// Get child object from variable name
    func getChild(named name: MustacheName, transforms: [String], context: MustacheContext) -> Any? {
        func _getChildInStack(named names: ArraySlice<String>, from stack: MustacheContextFrame) -> Any? {
            guard let name = names.first else { return stack.object }
            var frame: MustacheContextFrame? = stack
            while let current = frame {
                // Prepress: a frame knows whether its object is a plain `MustacheParent`; only others take the
                // general lookup.
                let childObject: Any? =
                    if let parent = current.parent {
                        parent.child(named: name)
                    } else if current.isLeaf {
                        nil
                    } else {
                        _getImmediateChild(named: name, from: current.object)
                    }
                if let childObject {
                    let names2 = names.dropFirst()
                    return _getChild(named: names2, from: childObject)
                }
                frame = current.below
            }
            return nil
        }

        // work out which object to access. "." means the current object, if the variable name is ""
        // and we have a transform to run on the variable then we need the context object, otherwise
        // the name is split by "." and we use mirror to get the correct child object. If we cannot find
        // the root object we look up the context stack until we can find one with a matching name. The
        // stack climbing can be disabled by prefixing the variable name with a "."
        var child: Any?
        switch name.kind {
        case .dot:
            child = context.stack.object
        case .empty where !transforms.isEmpty:
            child = context.sequenceContext
        case .leadingDot:
            child = _getChild(named: name.parts[...], from: context.stack.object)
        case .single:
            // Prepress: one name without dots, the common case, looked up without slicing the parts.
            child = nil
            let key = name.parts[0]
            var frame: MustacheContextFrame? = context.stack
            while let current = frame {
                if let parent = current.parent {
                    child = parent.child(named: key)
                } else if !current.isLeaf {
                    child = _getImmediateChild(named: key, from: current.object)
                }
                if child != nil { break }
                frame = current.below
            }
        case .empty, .dotted:
            child = _getChildInStack(named: name.parts[...], from: context.stack)
        }

        // Prepress: a String has no custom representation; say so without asking.
        if !(child is String), let custom = child as? MustacheCustomRepresentation {
            child = custom.representation
        }

        // skip transforms if child is already nil
        guard var child else {
            return nil
        }

        // if we want to run a transform and the current child can have transforms applied to it then
        // run transform on the current child
        for transform in transforms.reversed() {
            if let runnable = child as? MustacheTransformable,
                let transformed = runnable.transform(transform)
            {
                child = transformed
                continue
            }

            // return nil if transform is unsuccessful or has returned nil
            return nil
        }
        return child
    }

    private func unwrapIfAnyContainsOptional(_ value: Any) -> Any {
        guard let opt = value as? AnyOptional else { return value }
        return opt.anyWrapped ?? value  // nil? keep the original Optional.none
    }
}

/// The child `name` of `object`, as upstream's `getChild` finds it. (Prepress: moved out of `getChild`, for
/// `getValue` too.)
private func _getImmediateChild(named name: String, from object: Any) -> Any? {
    let object: Any? =
        if let custom = object as? MustacheCustomRepresentation {
            custom.representation
        } else {
            object
        }
    if let customBox = object as? MustacheParent {
        return customBox.child(named: name)
    } else if let object, isLeafValue(object) {
        // Prepress: a text, number or flag has no children; no need to ask Mirror.
        return nil
    } else if let object {
        let mirror = Mirror(reflecting: object)
        return mirror.getValue(forKey: name)
    } else {
        return nil
    }
}

/// The descendant `names` of `object`, as upstream's `getChild` finds it.
private func _getChild(named names: ArraySlice<String>, from object: Any) -> Any? {
    guard let name = names.first else { return object }
    var object = object
    if let lambda = object as? MustacheLambda {
        guard let result = lambda("") else { return nil }
        object = result
    }
    guard let childObject = _getImmediateChild(named: name, from: object) else { return nil }
    let names2 = names.dropFirst()
    return _getChild(named: names2, from: childObject)
}
