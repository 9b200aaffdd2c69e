/// Numbers as the window shows them, the same in every view: counts with thousands separators
/// (`293,228`), shares as percentages with two decimals (`0.42%`), elapsed time as a clock (`1:05`).
public enum NumberText {
    /// `1234567` → `1,234,567`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `0.004219` → `0.42%`, rounded half up to hundredths of a percent.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "—" }
        let hundredths = Int((max(fraction, 0) * 10_000).rounded())
        let cents = hundredths % 100
        return "\(grouped(hundredths / 100)).\(cents < 10 ? "0" : "")\(cents)%"
    }

    /// Whole seconds as `m:ss`, or `h:mm:ss` from an hour on.
    public static func clock(_ duration: Duration) -> String {
        let seconds = max(Int(duration.components.seconds), 0)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let (hours, minutes) = (seconds / 3600, seconds / 60 % 60)
        return hours > 0 ? "\(hours):\(pad(minutes)):\(pad(seconds % 60))" : "\(minutes):\(pad(seconds % 60))"
    }
}
