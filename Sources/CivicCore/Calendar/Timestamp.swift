import Foundation

/// An RFC 3339 time as written, with its own UTC offset: `2024-03-05T15:05:31+08:00`.
/// Rosters need both readings of it: the calendar date and clock time where it was written (a
/// signer's age counts on that date) and the instant (which signature came first).
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The calendar date in the timestamp's own offset.
    public let date: CivilDate
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Fractional seconds, in microseconds (digits beyond the sixth are dropped).
    public let microsecond: Int
    /// The offset from UTC in minutes (`+08:00` is 480, `Z` is 0).
    public let offsetMinutes: Int

    public init?(date: CivilDate, hour: Int, minute: Int, second: Int, microsecond: Int = 0, offsetMinutes: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0...999_999).contains(microsecond), (-23 * 60 - 59...23 * 60 + 59).contains(offsetMinutes) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.microsecond = microsecond
        self.offsetMinutes = offsetMinutes
    }

    /// Parses RFC 3339 `date-time` strictly: `YYYY-MM-DDTHH:MM:SS`, optional fraction, then `Z` or
    /// `±HH:MM` (the offset is required). `t`/`z` in lower case are accepted, as RFC 3339 allows.
    /// Leap seconds (`:60`) are refused: no signing system issues them.
    public init?(rfc3339 text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, let date = CivilDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = CivilDate.number(bytes[11..<13]), let minute = CivilDate.number(bytes[14..<16]),
              let second = CivilDate.number(bytes[17..<19]) else { return nil }
        var index = 19
        var microsecond = 0
        if bytes[index] == UInt8(ascii: ".") {
            let start = index + 1
            var end = start
            while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
            guard end > start else { return nil }
            let kept = bytes[start..<min(end, start + 6)]
            guard let fraction = CivilDate.number(kept) else { return nil }
            microsecond = fraction * Self.powerOfTen(6 - kept.count)
            index = end
        }
        guard index < bytes.count else { return nil }
        let offset: Int
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.count else { return nil }
            offset = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard index + 6 == bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let hours = CivilDate.number(bytes[index + 1..<index + 3]),
                  let minutes = CivilDate.number(bytes[index + 4..<index + 6]),
                  hours <= 23, minutes <= 59 else { return nil }
            offset = (bytes[index] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
        default:
            return nil
        }
        self.init(date: date, hour: hour, minute: minute, second: second, microsecond: microsecond, offsetMinutes: offset)
    }

    /// The wall-clock time of `instant` at `offsetMinutes` from UTC, to the microsecond; nil
    /// outside the years 1–9999.
    public init?(_ instant: Date, offsetMinutes: Int) {
        self.init(microsecondsSinceEpoch: Int64((instant.timeIntervalSince1970 * 1_000_000).rounded(.down)), offsetMinutes: offsetMinutes)
    }

    /// The wall-clock time at `offsetMinutes` from UTC of the instant `micros` after 1970-01-01T00:00:00Z.
    init?(microsecondsSinceEpoch utcMicros: Int64, offsetMinutes: Int) {
        let micros = utcMicros + Int64(offsetMinutes) * 60_000_000
        let days = Int(micros.floorDivided(by: 86_400_000_000))
        let ofDay = Int(micros - Int64(days) * 86_400_000_000)
        guard let date = CivilDate(daysSinceEpoch: days) else { return nil }
        self.date = date
        hour = ofDay / 3_600_000_000
        minute = ofDay / 60_000_000 % 60
        second = ofDay / 1_000_000 % 60
        microsecond = ofDay % 1_000_000
        self.offsetMinutes = offsetMinutes
    }

    /// Microseconds since 1970-01-01T00:00:00Z: the instant, for ordering and comparing.
    public var microsecondsSinceEpoch: Int64 {
        let days = Int64(date.daysSinceEpoch)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offsetMinutes * 60)
        return seconds * 1_000_000 + Int64(microsecond)
    }

    /// Whole seconds since the Unix epoch (rounded down), as file times count.
    public var secondsSinceEpoch: Int64 {
        microsecondsSinceEpoch.floorDivided(by: 1_000_000)
    }

    public var instant: Date {
        Date(timeIntervalSince1970: Double(microsecondsSinceEpoch) / 1_000_000)
    }

    /// `2024-03-05T15:05:31+08:00` (with `.ffffff` only when there is a fraction).
    public var rfc3339: String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            var text = FixedText(buffer)
            date.write(to: &text)
            text.append("T")
            text.digits(hour, 2)
            text.append(":")
            text.digits(minute, 2)
            text.append(":")
            text.digits(second, 2)
            if microsecond != 0 {
                text.append(".")
                text.digits(microsecond, 6)
            }
            if offsetMinutes == 0 {
                text.append("Z")
            } else {
                text.append(offsetMinutes < 0 ? "-" : "+")
                text.digits(abs(offsetMinutes) / 60, 2)
                text.append(":")
                text.digits(abs(offsetMinutes) % 60, 2)
            }
            return text.count
        }
    }

    /// `15:05:31`.
    public var clock: String {
        "\(CivilDate.pad(hour, 2)):\(CivilDate.pad(minute, 2)):\(CivilDate.pad(second, 2))"
    }

    public var description: String { rfc3339 }

    /// Instants compare; two spellings of one instant in different offsets are equal in order.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.microsecondsSinceEpoch < rhs.microsecondsSinceEpoch
    }

    private static func powerOfTen(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { value, _ in value * 10 }
    }
}

extension Timestamp {
    /// Taiwan's offset from UTC in minutes (`CivilDate.taiwanTime`, +08:00).
    public static let taiwanOffsetMinutes = CivilDate.taiwanTime.secondsFromGMT() / 60

    /// `instant` on Taiwan's clock: the times people read (the registry's 收件時間, the letters'
    /// 收創時間) are Taiwan's, whatever time zone the computer is set to.
    public init?(taiwanTime instant: Date) {
        self.init(instant, offsetMinutes: Self.taiwanOffsetMinutes)
    }

    /// The same instant on Taiwan's clock (exact to the microsecond).
    public var inTaiwanTime: Timestamp {
        Timestamp(microsecondsSinceEpoch: microsecondsSinceEpoch, offsetMinutes: Self.taiwanOffsetMinutes) ?? self
    }
}

extension CivilDate {
    /// Days since 1970-01-01 (negative before), by H. Hinnant's civil-from-days algorithm.
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01; nil outside the years CivilDate holds (1–9999).
    init?(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
