// The frame of a decrypted batch (spec §2): line 1 the header (`RosterHeader`), the last line the
// trailer (`RosterTrailer`), and `PayloadFramer` between them counting records and checking the
// trailer's count and digest. The input is a whole payload, lines separated by LF. Checks that
// an accepted header has a case, an electorate and a batch number.
@testable import CivicCore

/// Stands in for SHA-256 (CivicCrypto's): the framing is fuzzed here, not the digest, so the
/// trailer's digest is a count of bytes any input can state.
struct CountingDigest: SHA256Digesting {
    var count = 0
    mutating func update(_ bytes: UnsafeRawBufferPointer) { count += bytes.count }
    consuming func finish() -> [UInt8] { withUnsafeBytes(of: count.bigEndian) { Array($0) } }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTarget(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    // The framer reads line 1 as the header and, when it takes it, the last line as the
    // trailer; each is read once (the general JSON decoder, as headers are nested objects).
    var framer = PayloadFramer(digest: CountingDigest())
    do {
        for line in lines { _ = try framer.accept(Array(line)) }
        _ = try framer.finish()
    } catch {
        _ = error.message
    }
    if let header = framer.header {
        require(!header.caseId.isEmpty && header.electorate > 0 && header.batch.number > 0, "header accepted with \(header)")
        _ = header.stage.threshold(electorate: header.electorate)
    } else if let last = lines.last {
        // A refused header stops the framer first: the trailer is read on its own.
        _ = RosterTrailer(line: last)
    }
    return 0
}
