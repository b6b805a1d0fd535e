import Synchronization

/// A guide's HTML and its answers, made when first read.
///
/// The build cache keeps each guide's rendering as bytes. A rebuild shows the HTML of only the guides whose
/// pages it renders again (after a body edit at 10,000 guides, one), so the others' strings — a hundred
/// megabytes — are made only if a page asks for them.
public final class DeferredBody: Sendable {
    /// What is made: the HTML, and each question's answer in document order, its HTML (a slice of `html`
    /// where it was one when rendered) and its plain text.
    public struct Made: Sendable {
        public var html: String
        public var answers: [(html: Substring, text: String)]

        public init(html: String, answers: [(html: Substring, text: String)]) {
            self.html = html
            self.answers = answers
        }
    }

    /// A digest of the HTML and the answers' texts (the build cache's), known without making them.
    public let digest: UInt64
    private let make: @Sendable () -> Made
    private let made = Mutex<Made?>(nil)

    /// `make` runs once, when the HTML or an answer is first read.
    public init(digest: UInt64, make: @escaping @Sendable () -> Made) {
        self.digest = digest
        self.make = make
    }

    public var value: Made {
        made.withLock { made in
            if let made { return made }
            let new = make()
            made = new
            return new
        }
    }
}
