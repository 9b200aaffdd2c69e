// One line of a decrypted roster payload (spec §2) as JSON: the direct scan of flat objects
// (`FlatJSONObject`), Foundation's decoder behind it (`JSONLine`), the fields the record checks
// read (`JSONObjectFields`, base64 included), a signed statement (`tbs`), and the splitting of
// a decrypted stream into lines. Checks that the scan and the decoder read the same object
// whenever the scan takes a line, and that lines split from chunks of any size are the lines.
@testable import CivicCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    if let flat = FlatJSONObject(bytes) {
        var scanned: [String: JSONValue] = [:]
        for (key, value) in zip(flat.keys, flat.values) {
            switch value {
            case .string(let text): scanned[flat.string(key)] = .string(flat.string(text))
            case .integer(let number): scanned[flat.string(key)] = .integer(number)
            }
        }
        let decoded = JSONLine.decoded(bytes)?.object
        require(decoded == scanned, "the scan reads \(scanned), the decoder \(String(describing: decoded))")
        require(JSONLine.object(bytes) == scanned, "JSONLine.object reads otherwise than the scan")
        if let fields = JSONObjectFields(bytes) {
            _ = (fields.string("type"), fields.integer("seq"), fields.base64("tbs"), fields.base64("sig"))
        }
    }
    // A line the scan refuses goes to the general decoder once: `SignedStatement` reads it
    // through `JSONObjectFields`, whose fallback is the very `JSONLine.decoded` that
    // `JSONLine.object` falls back to, so decoding it again for each of them adds nothing.
    _ = SignedStatement(tbs: bytes).isComplete

    // The same bytes as a stream cut into chunks of 1 to 256 bytes, the size taken from the input.
    let chunkSize = Int(bytes.first ?? 0) + 1
    var splitter = LineSplitter()
    var lines: [[UInt8]] = []
    var start = 0
    while start < bytes.count {
        splitter.push(Array(bytes[start..<min(start + chunkSize, bytes.count)]), into: &lines)
        start += chunkSize
    }
    if let last = splitter.finish() { lines.append(last) }
    var expected = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    if expected.last?.isEmpty == true { expected.removeLast() }
    require(lines == expected, "lines split from chunks of \(chunkSize) differ")
    return 0
}
