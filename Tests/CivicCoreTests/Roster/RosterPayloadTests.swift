import CivicTestSupport
import Foundation
import Testing
@testable import CivicCore

/// A digest for framing tests only: FNV-1a stretched to 32 bytes. The framer compares what the
/// trailer states with what the port computes; CivicStoreTests run it with the real SHA-256.
struct TestDigest: SHA256Digesting {
    var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
    }

    consuming func finish() -> [UInt8] {
        (0..<32).map { UInt8(truncatingIfNeeded: state >> UInt64(($0 % 8) * 8)) }
    }

    static func hex(_ bytes: [UInt8]) -> String {
        var digest = TestDigest()
        digest.update(bytes)
        return digest.finishHex()
    }
}

@Suite("名冊內容的開頭與結尾")
struct RosterPayloadTests {
    static func batch(_ count: Int = 3) -> TestBatch {
        TestBatch(number: 1, records: (0..<count).map { TestRecord(id: ReferenceIDRules.generatedID($0), name: "連署人\($0)") })
    }

    /// Frames a payload fed in chunks of `chunkSize`; returns the record lines and the trailer.
    static func frame(_ payload: [UInt8], chunkSize: Int = 4096) throws -> (header: RosterHeader, records: [[UInt8]], trailer: RosterTrailer) {
        var splitter = LineSplitter()
        var framer = PayloadFramer(digest: TestDigest())
        var records: [[UInt8]] = []
        func accept(_ lines: [[UInt8]]) throws {
            for line in lines { if let record = try framer.accept(line) { records.append(record) } }
        }
        try ChunkedPlaintext(payload, chunkSize: chunkSize).produce { chunk in
            var lines: [[UInt8]] = []
            splitter.push(chunk, into: &lines)
            try accept(lines)
        }
        if let tail = splitter.finish() { try accept([tail]) }
        let trailer = try framer.finish()
        guard let header = framer.header else { throw RosterPayloadError.empty }
        return (header, records, trailer)
    }

    @Test("frames the same way in any chunk size", arguments: [1, 7, 100, 4096, 1 << 20])
    func chunkSizes(chunkSize: Int) throws {
        let batch = Self.batch()
        let framed = try Self.frame(batch.payload(digest: TestDigest.hex), chunkSize: chunkSize)
        #expect(framed.header.caseId == "113002")
        #expect(framed.header.stage == .petition)
        #expect(framed.header.electorate == 19_548_531)
        #expect(framed.header.batch.number == 1)
        #expect(framed.header.batch.downloadedAt.rfc3339 == "2024-03-06T10:15:00+08:00")
        #expect(framed.header.leadName == "王OO")
        #expect(framed.records.map { String(decoding: $0, as: UTF8.self) } == batch.records.enumerated().map { $1.line(seq: $0 + 1) })
        #expect(framed.trailer.records == 3)
    }

    @Test func aTrailerWithoutItsLineFeedStillCounts() throws {
        let payload = Self.batch().payload(digest: TestDigest.hex)
        #expect(try Self.frame(Array(payload.dropLast())).records.count == 3)
    }

    @Test func anEmptyBatchHasHeaderAndTrailerOnly() throws {
        let framed = try Self.frame(Self.batch(0).payload(digest: TestDigest.hex))
        #expect(framed.records.isEmpty && framed.trailer.records == 0)
    }

    @Test func refusals() throws {
        func refusal(_ payload: [UInt8]) -> RosterPayloadError? {
            do {
                _ = try Self.frame(payload)
                return nil
            } catch {
                return error as? RosterPayloadError
            }
        }
        var batch = Self.batch()
        #expect(refusal([]) == .empty)
        batch.omitTrailer = true
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .missingTrailer)
        let full = Self.batch().payload(digest: TestDigest.hex)
        #expect(refusal(Array(full.dropLast(40))) == .missingTrailer)
        #expect(refusal(full + Array("\n".utf8)) == .missingTrailer)
        batch = Self.batch()
        batch.trailerCountOffset = 1
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .recordCountMismatch(stated: 4, found: 3))
        #expect(refusal(Self.batch().payload(digest: { _ in String(repeating: "0", count: 64) })) == .digestMismatch)
        // One changed byte in a record: the digest no longer matches.
        var tampered = full
        tampered[full.count / 2] ^= 0x01
        #expect(refusal(tampered) == .digestMismatch)
        batch = Self.batch()
        batch.rawHeader = #"{"type":"header","format":"tw.cec.other","version":1}"#
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .unknownFormat("tw.cec.other"))
        batch.rawHeader = #"{"type":"header","format":"tw.cec.petition-roster","version":2}"#
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .unsupportedVersion("2"))
        batch.rawHeader = #"{"type":"header","format":"tw.cec.petition-roster","version":"1"}"#
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .unsupportedVersion("—"))
        batch.rawHeader = "\u{FEFF}" + Self.batch().headerLine
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .notARoster)
        batch.rawHeader = Self.batch().records[0].line(seq: 1)
        #expect(refusal(batch.payload(digest: TestDigest.hex)) == .notARoster)
    }

    @Test("a damaged header names its field", arguments: [
        ("caseId", #""caseId":"113002""#, #""caseId":"""#),
        ("stage", #""stage":"連署""#, #""stage":"複決""#),
        ("electorate", #""electorate":19548531"#, #""electorate":"19548531""#),
        ("batch.number", #""number":1"#, #""number":0"#),
        ("batch.downloadedAt", #""downloadedAt":"2024-03-06T10:15:00+08:00""#, #""downloadedAt":"2024-03-06""#),
        ("batch.signedTo", #""signedTo":"2024-03-05""#, #""signedTo":"113/03/05""#),
        ("lead.name", #""lead":{"name":"王OO"}"#, #""lead":"王OO""#),
    ])
    func damagedHeader(field: String, original: String, damaged: String) {
        var batch = Self.batch()
        batch.rawHeader = batch.headerLine.replacingOccurrences(of: original, with: damaged)
        #expect(throws: RosterPayloadError.damagedHeader(field: field)) {
            try RosterHeader(line: Array(batch.rawHeader!.utf8))
        }
    }

    @Test func proposalStage() throws {
        var batch = Self.batch()
        batch.stage = "提案"
        #expect(try RosterHeader(line: Array(batch.headerLine.utf8)).stage == .proposal)
    }

    @Test func everyRefusalSpeaksBothLanguages() {
        let errors: [RosterPayloadError] = [.empty, .notARoster, .unknownFormat("x"), .unsupportedVersion("2"),
                                            .damagedHeader(field: "stage"), .missingTrailer,
                                            .recordCountMismatch(stated: 2, found: 1), .digestMismatch]
        for error in errors {
            #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
            #expect(error.message.zh != error.message.en)
        }
    }
}
