import Foundation
import Testing
@testable import CivicCore

@Suite("RFC 3339 時間")
struct TimestampTests {
    @Test func readsTheSpecExample() throws {
        let time = try #require(Timestamp(rfc3339: "2024-03-05T15:05:31+08:00"))
        #expect(time.date == CivilDate(year: 2024, month: 3, day: 5))
        #expect(time.clock == "15:05:31")
        #expect(time.offsetMinutes == 480)
        #expect(time.rfc3339 == "2024-03-05T15:05:31+08:00")
        #expect(time.instant == Date(timeIntervalSince1970: 1_709_622_331))
    }

    @Test("accepts", arguments: [
        "2024-03-05T07:05:31Z", "2024-03-05t07:05:31z", "2024-03-05T15:05:31.5+08:00", "2024-03-05T02:05:31-05:00",
        "2024-03-05T07:05:31.123456789Z",
    ])
    func accepts(text: String) throws {
        let time = try #require(Timestamp(rfc3339: text))
        #expect(time.secondsSinceEpoch == 1_709_622_331)
    }

    @Test("refuses", arguments: [
        "", "2024-03-05", "2024-03-05T15:05:31", "2024-03-05 15:05:31+08:00", "2024-03-05T15:05:31+0800",
        "2024-03-05T24:00:00Z", "2024-03-05T15:60:00Z", "2024-03-05T15:05:60Z", "2024-02-30T15:05:31Z",
        "2024-03-05T15:05:31.+08:00", "2024-03-05T15:05:31+08:00 ", "2024-3-05T15:05:31Z", "2024-03-05T15:05:31+24:00",
    ])
    func refuses(text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }

    @Test func ordersByInstantAcrossOffsets() throws {
        let taipei = try #require(Timestamp(rfc3339: "2024-03-05T08:00:00+08:00"))
        let london = try #require(Timestamp(rfc3339: "2024-03-05T00:30:00Z"))
        #expect(taipei < london)
        #expect(taipei.date == london.date)
        let sameInstant = try #require(Timestamp(rfc3339: "2024-03-05T00:00:00Z"))
        #expect(!(taipei < sameInstant) && !(sameInstant < taipei))
    }

    @Test func writesAnInstantInAnOffset() throws {
        let time = try #require(Timestamp(Date(timeIntervalSince1970: 1_709_773_200), offsetMinutes: 480))
        #expect(time.rfc3339 == "2024-03-07T09:00:00+08:00")
        let before1970 = try #require(Timestamp(Date(timeIntervalSince1970: -1.5), offsetMinutes: -90))
        #expect(before1970.rfc3339 == "1969-12-31T22:29:58.500000-01:30")
        #expect(Timestamp(rfc3339: before1970.rfc3339)?.microsecondsSinceEpoch == -1_500_000)
    }

    @Test func daysSinceEpochRoundTrip() throws {
        for days in stride(from: -719_162, through: 2_932_896, by: 997) {
            let date = try #require(CivilDate(daysSinceEpoch: days))
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(CivilDate(year: 2000, month: 3, day: 1)?.daysSinceEpoch == 11_017)
        #expect(CivilDate(year: 1, month: 1, day: 1)?.daysSinceEpoch == -719_162)
        #expect(CivilDate(daysSinceEpoch: -719_163) == nil)
    }
}
