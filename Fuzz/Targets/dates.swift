// Dates as users type them and files carry them: 中華民國 dates in every form `ROCDate.parse`
// reads, ISO `YYYY-MM-DD` (birth dates, query bounds) and RFC 3339 times (signing times, batch
// download times). Checks that what is read is written back and read again as the same value.
import CivicCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    if let date = ROCDate.parse(text) {
        // The short form exists for 民國 1–999 only; the long form for every year read.
        if let short = ROCDate.short(date) {
            require(ROCDate.parse(short) == date, "\(text) → \(short) reads back otherwise")
        }
        let long = ROCDate.long(date)
        require(long.flatMap(ROCDate.parse) == date, "\(text) → \(long ?? "nil") reads back otherwise")
    }
    if let date = CivilDate(iso: text) {
        require(CivilDate(iso: date.iso) == date, "\(text) → \(date.iso) reads back otherwise")
        _ = date.daysSinceEpoch
    }
    if let time = Timestamp(rfc3339: text) {
        require(Timestamp(rfc3339: time.rfc3339) == time, "\(text) → \(time.rfc3339) reads back otherwise")
        _ = (time.instant, time.secondsSinceEpoch, time.clock)
    }
    return 0
}
