import Testing
@testable import PrepressBuild

@Suite struct GuideMaskTests {
    @Test func holdsExactlyTheGuidesGivenAcrossWordBoundaries() {
        let given = [0, 5, 63, 64, 127, 128, 199]
        let mask = GuideMask(given, count: 200)
        for index in -3..<260 {
            #expect(mask.contains(index) == given.contains(index), "\(index)")
        }
    }

    @Test func leavesOutIndicesOutsideTheSite() {
        let mask = GuideMask([-1, 3, 10, 11, 500], count: 11)
        #expect((0..<600).filter(mask.contains) == [3, 10])
        #expect(!GuideMask([], count: 0).contains(0))
    }
}
