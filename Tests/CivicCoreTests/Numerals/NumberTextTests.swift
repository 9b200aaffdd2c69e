import Testing
@testable import CivicCore

@Suite("Numbers as the window shows them")
struct NumberTextTests {
    @Test func groupsThousands() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1000) == "1,000")
        #expect(NumberText.grouped(293_228) == "293,228")
        #expect(NumberText.grouped(19_548_531) == "19,548,531")
        #expect(NumberText.grouped(-1234) == "-1,234")
    }

    @Test func percentagesHaveTwoDecimals() {
        #expect(NumberText.percent(0) == "0.00%")
        #expect(NumberText.percent(2_700.0 / 293_228) == "0.92%")
        #expect(NumberText.percent(0.00005) == "0.01%", "half a hundredth rounds up")
        #expect(NumberText.percent(1) == "100.00%")
        #expect(NumberText.percent(12.345) == "1,234.50%")
        #expect(NumberText.percent(.nan) == "—")
    }

    @Test func elapsedTimeReadsAsAClock() {
        #expect(NumberText.clock(.zero) == "0:00")
        #expect(NumberText.clock(.milliseconds(5_900)) == "0:05")
        #expect(NumberText.clock(.seconds(65)) == "1:05")
        #expect(NumberText.clock(.seconds(3_723)) == "1:02:03")
    }
}
