import CivicCore
import CLibZ
import Foundation

/// Raw deflate (RFC 1951, as zip stores it) through zlib, on all cores: the input is cut into
/// blocks of `blockSize` bytes, each compressed on its own with the 32 KB before it as its
/// dictionary and ended by a sync flush, and the blocks are written in order — one valid
/// deflate stream, as pigz makes, and the same bytes for the same input however it arrives.
/// Level 1 by default: the submission's records are mostly base64, which higher levels barely
/// shrink further at several times the cost. Keeps the CRC-32 and sizes a zip entry records.
final class Deflater {
    private let level: Int32
    private let blockSize: Int
    private let sink: ([UInt8]) throws -> Void
    private let blocks: OrderedParallelMap<Block, Result<Compressed, ZipWriteError>>
    private var pending: [UInt8] = []
    private var dictionary: [UInt8] = []
    private(set) var crc: UInt32 = 0
    private(set) var uncompressedSize: Int64 = 0
    private(set) var compressedSize: Int64 = 0
    private var ended = false

    /// `sink` receives the compressed bytes, in order, on the calling thread.
    init(level: Int32, blockSize: Int = 1 << 20, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
         sink: @escaping ([UInt8]) throws -> Void) {
        self.level = level
        self.blockSize = blockSize
        self.sink = sink
        blocks = OrderedParallelMap(workers: workers, capacity: 2 * max(workers, 1)) { block in
            do throws(ZipWriteError) {
                return .success(try Deflater.compress(block, level: level))
            } catch {
                return .failure(error)
            }
        }
    }

    deinit {
        blocks.stop()
    }

    func compress(_ bytes: [UInt8]) throws {
        pending += bytes
        var start = 0
        while pending.count - start >= blockSize {
            try submit(Array(pending[start..<start + blockSize]))
            start += blockSize
        }
        pending.removeFirst(start)
    }

    /// Compresses what is left and ends the stream with an empty final block.
    func finish() throws {
        guard !ended else { return }
        ended = true
        if !pending.isEmpty || uncompressedSize == 0 { try submit(pending) }
        pending = []
        while let result = blocks.takeNext() { try write(result) }
        // A final fixed-Huffman block holding only its end code: BFINAL 1, BTYPE 01, EOB.
        try sink([0x03, 0x00])
        compressedSize += 2
    }

    private func submit(_ data: [UInt8]) throws {
        while !blocks.hasRoom, let result = blocks.takeNext() { try write(result) }
        blocks.submit(Block(data: data, dictionary: dictionary))
        dictionary = Array(data.suffix(32 * 1024))
        uncompressedSize += Int64(data.count)
    }

    private func write(_ result: Result<Compressed, ZipWriteError>) throws {
        let block = try result.get()
        crc = UInt32(crc32_combine(uLong(crc), uLong(block.crc), off_t(block.length)))
        compressedSize += Int64(block.bytes.count)
        try sink(block.bytes)
    }

    struct Block: Sendable {
        let data: [UInt8]
        let dictionary: [UInt8]
    }

    struct Compressed: Sendable {
        let bytes: [UInt8]
        let crc: UInt32
        let length: Int
    }

    /// One block, ending on a byte boundary (sync flush) so the next can follow it directly.
    static func compress(_ block: Block, level: Int32) throws(ZipWriteError) -> Compressed {
        var stream = z_stream()
        // Negative window bits: raw deflate without the zlib header. Memory level 8 as gzip uses.
        var result = deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        guard result == Z_OK else { throw .compression(result) }
        defer { deflateEnd(&stream) }
        if !block.dictionary.isEmpty {
            result = block.dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
            guard result == Z_OK else { throw .compression(result) }
        }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(block.data.count))) + 16)
        let produced = block.data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out -> Int32 in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                stream.avail_in = uInt(input.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                return deflate(&stream, Z_SYNC_FLUSH)
            }
        }
        guard produced == Z_OK || produced == Z_BUF_ERROR, stream.avail_in == 0, stream.avail_out > 0 else { throw .compression(produced) }
        output.removeLast(Int(stream.avail_out))
        let crc = block.data.withUnsafeBufferPointer { UInt32(crc32_z(0, $0.baseAddress, $0.count)) }
        return Compressed(bytes: output, crc: crc, length: block.data.count)
    }
}

/// A failure inside the compressor (zlib reports only exhausted memory or misuse here).
public enum ZipWriteError: UserFacingError, Sendable, Equatable {
    case compression(Int32)

    public var message: UserMessage {
        switch self {
        case .compression(let code):
            UserMessage(zh: "壓縮送件檔時失敗（zlib \(code)），可能是記憶體不足。請關閉其他程式後再打包；原有的檔案未被改動。",
                        en: "Compressing the submission failed (zlib \(code)), probably for lack of memory. Close other programs and pack again; existing files were left as they were.")
        }
    }
}
