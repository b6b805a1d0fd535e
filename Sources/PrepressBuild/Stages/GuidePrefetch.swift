import CPrefetch
import PrepressContent
import PrepressMarkdown

/// Asks the processor for the memory of the next guides' pages while one renders. A guide page reads a few
/// dozen strings and arrays of its guide — each an allocation of its own, made when the guide was parsed (in
/// file order; pages render in list order) — so a page waited for them one cache miss after another: a guide
/// page rendered a second time in a row took 57 µs against 76 µs the first.
///
/// Each step reaches one level deeper for a guide nearer in the list: the guide's memory for the one five
/// ahead, its strings and arrays for the one three ahead, their elements for the one two ahead, the questions'
/// strings for the next, so that each step reads only what an earlier one brought in. Only addresses are read
/// (through the public `withContiguousStorageIfAvailable` and `withUnsafeBufferPointer`); a prefetch changes
/// nothing, so a wrong guess costs a little bandwidth, never a wrong byte.
struct GuidePrefetch {
    let context: ViewContext

    /// Before rendering the guide page at `index` (pages of consecutive guides usually render one after the
    /// other on a thread: `parallelMap` hands each thread a run of them).
    func ahead(of index: Int) {
        let count = context.guides.count
        if index + 4 < count { guideMemory(index + 4) }
        if index + 3 < count { fields(index + 3) }
        if index + 2 < count { elements(index + 2) }
        if index + 1 < count { questions(index + 1) }
    }

    /// Before rendering a page of the question bank: its questions come from guides all over the site, each
    /// four pointers away (the guide, its groups, the group's questions, the question's text). Level by level
    /// for all of the page's questions at once, so that each level waits for one round trip to memory, not one
    /// per question.
    func questions(of groups: [ArraySlice<QuestionBank.Entry>]) {
        for entries in groups {
            for entry in entries { prepress_prefetch(UnsafeRawPointer(context.guide(at: entry.guide))) }
        }
        for entries in groups {
            for entry in entries {
                let guide = UnsafePointer(context.guide(at: entry.guide))
                Self.array(guide.pointee.rendered.questionGroups)
                Self.string(guide.pointee.source.parsed.frontMatter.term)
            }
        }
        for entries in groups {
            for entry in entries {
                context.guide(at: entry.guide).pointee.rendered.questionGroups.withUnsafeBufferPointer { groups in
                    if Int(entry.group) < groups.count { Self.array(groups[Int(entry.group)].questions) }
                }
            }
        }
        for entries in groups {
            for entry in entries {
                context.guide(at: entry.guide).pointee.rendered.questionGroups.withUnsafeBufferPointer { groups in
                    guard Int(entry.group) < groups.count else { return }
                    groups[Int(entry.group)].questions.withUnsafeBufferPointer { questions in
                        guard Int(entry.position) < questions.count else { return }
                        Self.string(questions[Int(entry.position)].text)
                        Self.string(questions[Int(entry.position)].heading.id)
                    }
                }
            }
        }
    }

    private func guideMemory(_ index: Int) {
        let pointer = UnsafeRawPointer(context.guide(at: index))
        for offset in stride(from: 0, to: MemoryLayout<Guide>.size, by: 64) { prepress_prefetch(pointer + offset) }
    }

    private func fields(_ index: Int) {
        let guide = UnsafePointer(context.guide(at: index))
        Self.string(guide.pointee.source.parsed.frontMatter.term)
        Self.string(guide.pointee.source.parsed.frontMatter.description)
        Self.string(guide.pointee.source.parsed.frontMatter.category)
        Self.string(guide.pointee.source.parsed.frontMatter.vertical)
        Self.string(guide.pointee.source.parsed.frontMatter.author?.name)
        Self.string(guide.pointee.source.parsed.frontMatter.image?.url)
        Self.array(guide.pointee.source.parsed.frontMatter.tags)
        Self.string(guide.pointee.path)
        Self.string(guide.pointee.rendered.htmlIfMade)
        Self.array(guide.pointee.rendered.headings)
        Self.array(guide.pointee.rendered.questionGroups)
        context.related.withUnsafeBufferPointer { Self.array($0[index]) }
    }

    private func elements(_ index: Int) {
        let guide = UnsafePointer(context.guide(at: index))
        guide.pointee.source.parsed.frontMatter.tags.withUnsafeBufferPointer { tags in
            for tag in tags.indices { Self.string(tags[tag]) }
        }
        guide.pointee.rendered.headings.withUnsafeBufferPointer { headings in
            for heading in headings.indices {
                Self.string(headings[heading].text)
                Self.string(headings[heading].id)
            }
        }
        guide.pointee.rendered.questionGroups.withUnsafeBufferPointer { groups in
            for group in groups.indices {
                Self.string(groups[group].name)
                Self.array(groups[group].questions)
            }
        }
        context.related.withUnsafeBufferPointer { related in
            context.cards.withUnsafeBufferPointer { cards in
                related[index].withUnsafeBufferPointer { guides in
                    for guide in guides where guide < cards.count { Self.string(cards[guide]) }
                }
            }
        }
    }

    private func questions(_ index: Int) {
        context.guide(at: index).pointee.rendered.questionGroups.withUnsafeBufferPointer { groups in
            for group in groups.indices {
                groups[group].questions.withUnsafeBufferPointer { questions in
                    for question in questions.indices {
                        Self.string(questions[question].text)
                        Self.string(questions[question].heading.id)
                    }
                }
            }
        }
    }

    // The address is taken out of the closure and the hint given after it: a call inside would make the
    // compiler retain the string around it, and a retain is a write to the very memory not yet there.
    @inline(__always)
    private static func string(_ string: String?) {
        guard let address = string?.utf8.withContiguousStorageIfAvailable({ UnsafeRawPointer($0.baseAddress) }) else { return }
        prepress_prefetch(address)
    }

    @inline(__always)
    private static func array<Element>(_ array: [Element]) {
        prepress_prefetch(array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) })
    }
}
