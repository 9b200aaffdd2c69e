import CivicCrypto
import Foundation
import Testing
@testable import CivicZip

/// The block-parallel deflate: one valid stream whatever the blocks, the same bytes however the
/// input arrives, and the CRC-32 of the whole.
@Suite("平行壓縮")
struct DeflaterTests {
    /// 600 KB: lines of text with random base64 in them, as records are.
    static let input: [UInt8] = {
        var random = SplitMix(seed: 3)
        var bytes: [UInt8] = []
        for seq in 0..<2_000 {
            bytes += Array(#"{"type":"record","seq":\#(seq),"sig":""#.utf8) + Array(Data(random.bytes(200)).base64EncodedString().utf8)
            bytes += Array("\"}\n".utf8)
        }
        return bytes
    }()

    static func deflate(_ pieces: [ArraySlice<UInt8>], blockSize: Int, workers: Int) throws -> (bytes: [UInt8], crc: UInt32, size: Int64) {
        var output: [UInt8] = []
        let deflater = Deflater(level: 1, blockSize: blockSize, workers: workers) { output += $0 }
        for piece in pieces { try deflater.compress(Array(piece)) }
        try deflater.finish()
        #expect(deflater.compressedSize == Int64(output.count))
        return (output, deflater.crc, deflater.uncompressedSize)
    }

    @Test func sameBytesHoweverTheInputArrives() throws {
        let whole = try Self.deflate([Self.input[...]], blockSize: 50_000, workers: 3)
        let bytewise = stride(from: 0, to: Self.input.count, by: 7_777).map { Self.input[$0..<min($0 + 7_777, Self.input.count)] }
        #expect(try Self.deflate(bytewise, blockSize: 50_000, workers: 1).bytes == whole.bytes)
        #expect(whole.size == Int64(Self.input.count))
        #expect(whole.bytes.count < Self.input.count * 9 / 10)
    }

    @Test("a valid stream with the right CRC", arguments: [1 << 20, 50_000, 4_096])
    func inflatesBack(blockSize: Int) throws {
        let result = try Self.deflate([Self.input[...]], blockSize: blockSize, workers: 2)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-deflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("raw")
        try Data(result.bytes).write(to: file)
        let python = try Command.run("/usr/bin/env", ["python3", "-c", """
            import hashlib, sys, zlib
            data = zlib.decompress(open(sys.argv[1], 'rb').read(), -15)
            print(hashlib.sha256(data).hexdigest(), zlib.crc32(data))
            """, file.path])
        #expect(python == "\(Digest.sha256Hex(Self.input)) \(result.crc)\n")
    }

    @Test func anEmptyEntryIsAValidStream() throws {
        let result = try Self.deflate([], blockSize: 1 << 20, workers: 2)
        #expect(result.crc == 0 && result.size == 0)
        #expect(Array(result.bytes.suffix(2)) == [0x03, 0x00])
    }
}
