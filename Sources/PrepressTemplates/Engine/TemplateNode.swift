/// One piece of a compiled template: static bytes, or a tag with what it holds.
enum TemplateNode: Sendable {
    /// Bytes written as they are.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (not).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`.
    case inverted(TemplateName, [TemplateNode])
    /// `{{>name}}`.
    case partial(TemplateInclusion)
    /// `{{<name}}…{{/name}}`: a template rendered with some of its blocks replaced.
    case parent(TemplateInclusion, [TemplateBlock])
    /// `{{$name}}…{{/name}}`: content a parent's caller may replace.
    case block(TemplateBlock)
}
