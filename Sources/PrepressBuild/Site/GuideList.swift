/// The site's published guides, newest first, each in memory of its own: a guide is read in place through its
/// pointer (`guides[i]` returns a copy, as an array's subscript does), and a list with a few guides replaced
/// shares all the others — the preview replaces the guide being edited without copying ten thousand.
struct GuideList: RandomAccessCollection, Sendable {
    private let boxes: ContiguousArray<Box>

    /// One guide in memory that stays put while any list holds it.
    private final class Box: @unchecked Sendable {
        let pointer: UnsafeMutablePointer<Guide>

        init(_ guide: consuming Guide) {
            pointer = .allocate(capacity: 1)
            pointer.initialize(to: guide)
        }

        deinit {
            pointer.deinitialize(count: 1)
            pointer.deallocate()
        }
    }

    init(_ guides: consuming [Guide]) {
        boxes = ContiguousArray(guides.map(Box.init))
    }

    private init(boxes: ContiguousArray<Box>) {
        self.boxes = boxes
    }

    var startIndex: Int { 0 }
    var endIndex: Int { boxes.count }

    subscript(index: Int) -> Guide { boxes[index].pointer.pointee }

    /// The guide at `index`, in place; valid while this list (or one sharing the guide) lives.
    func pointer(at index: Int) -> UnsafeMutablePointer<Guide> { boxes[index].pointer }

    /// The same list with the guides at some positions replaced.
    func replacing(_ replacements: [Int: Guide]) -> GuideList {
        var boxes = self.boxes
        for (index, guide) in replacements { boxes[index] = Box(guide) }
        return GuideList(boxes: boxes)
    }
}
