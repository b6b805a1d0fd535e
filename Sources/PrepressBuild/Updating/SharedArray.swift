/// An array whose elements are each kept in an object of their own: a copy shares them all, and changing one
/// element of a copy replaces that element's object only. The preview's site keeps every guide's source in
/// one, so that an edit copies ten thousand references, not ten thousand guides.
struct SharedArray<Element: Sendable>: RandomAccessCollection, MutableCollection, RangeReplaceableCollection, Sendable {
    private final class Box: Sendable {
        let value: Element
        init(_ value: Element) { self.value = value }
    }

    private var boxes: ContiguousArray<Box>

    init() { boxes = [] }

    init(_ elements: some Sequence<Element>) { boxes = ContiguousArray(elements.map(Box.init)) }

    var startIndex: Int { boxes.startIndex }
    var endIndex: Int { boxes.endIndex }

    subscript(position: Int) -> Element {
        _read { yield boxes[position].value }
        set { boxes[position] = Box(newValue) }
    }

    mutating func replaceSubrange<C: Collection>(_ range: Range<Int>, with elements: C) where C.Element == Element {
        boxes.replaceSubrange(range, with: elements.map(Box.init))
    }

    mutating func swapAt(_ first: Int, _ second: Int) {
        boxes.swapAt(first, second)
    }
}
