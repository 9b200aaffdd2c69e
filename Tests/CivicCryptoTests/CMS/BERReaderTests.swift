@testable import CivicCrypto
import Testing

@Suite("BER reading")
struct BERReaderTests {
    @Test func constructedStringsAreJoined() throws {
        // 'ab' then a nested constructed segment holding 'c', all with indefinite lengths.
        let bytes: [UInt8] = [0x24, 0x80, 0x04, 0x02, 0x61, 0x62, 0x24, 0x80, 0x04, 0x01, 0x63, 0, 0, 0, 0]
        #expect(try BERReader.parse(bytes) { try $0.octetString() } == Array("abc".utf8))
        #expect(try BERReader.parse(bytes) { try $0.element() } == bytes)
    }

    @Test func longLengths() throws {
        let content = [UInt8](repeating: 7, count: 300)
        #expect(try BERReader.parse([0x04, 0x82, 0x01, 0x2C] + content) { try $0.octetString() } == content)
        // An element is copied with its length octets as written, leading zeros (BER) included.
        for header: [UInt8] in [[0x04, 0x82, 0x01, 0x2C], [0x04, 0x84, 0x00, 0x00, 0x01, 0x2C]] {
            #expect(try BERReader.parse(header + content) { try $0.element() } == header + content)
        }
        let wrapped: [UInt8] = [0x30, 0x83, 0x00, 0x00, 0x05, 0x04, 0x81, 0x02, 0x61, 0x62]
        #expect(try BERReader.parse(wrapped) { try $0.element() } == wrapped)
    }

    @Test func containers() throws {
        let bytes: [UInt8] = [0x30, 0x80, 0x02, 0x01, 0x05, 0x06, 0x03, 0x2A, 0x03, 0x04, 0, 0]
        let (version, oid) = try BERReader.parse(bytes) { reader in
            let sequence = try reader.enter(0x30)
            let version = try reader.smallInteger()
            let oid = try reader.objectIdentifier()
            #expect(try !reader.hasMore(in: sequence))
            try reader.leave(sequence)
            return (version, oid)
        }
        #expect(version == 5 && oid == "1.2.3.4")
    }

    @Test func invalidEncodingsAreMalformed() {
        let samples: [[UInt8]] = [
            [0x1F, 0x81, 0x00],                   // high tag number
            [0x04, 0x80, 0x00, 0x00],             // primitive with indefinite length
            [0x04, 0x88, 1, 1, 1, 1, 1, 1, 1, 1], // eight length octets
            [0x04, 0x05, 0x01],                   // shorter than its length
            [0x24, 0x80, 0x02, 0x01, 0x00, 0, 0], // a segment that is not an OCTET STRING
            [0x04, 0x01, 0x00, 0x00],             // trailing byte
        ]
        for bytes in samples {
            #expect(throws: BERError.malformed, "\(bytes)") { _ = try BERReader.parse(bytes) { try $0.octetString() } }
        }
        // A child running past the end of its container.
        #expect(throws: BERError.malformed) {
            try BERReader.parse([0x30, 0x03, 0x02, 0x02, 0x01, 0x02]) { reader in
                let sequence = try reader.enter(0x30)
                _ = try reader.smallInteger()
                try reader.leave(sequence)
            }
        }
    }
}
