import CivicCore
import CLibZ

/// A raw deflate stream (RFC 1951, as zip stores it) through zlib, with the CRC-32 and sizes a
/// zip entry records. Level 1 by default: the submission's records are mostly base64, which
/// higher levels barely shrink further at several times the cost.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    private(set) var crc: UInt32 = 0
    private(set) var uncompressedSize: Int64 = 0
    private(set) var compressedSize: Int64 = 0
    private var ended = false

    init(level: Int32, outputBufferSize: Int = 1 << 18) throws(ZipWriteError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: outputBufferSize, alignment: 16)
        // Negative window bits: raw deflate without the zlib header. Memory level 8 as gzip uses.
        let result = deflateInit2_(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                                   Int32(MemoryLayout<z_stream>.size))
        guard result == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw .compression(result)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `input`; `sink` receives compressed bytes as buffers fill.
    func compress(_ input: UnsafeRawBufferPointer, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !input.isEmpty, let base = input.baseAddress else { return }
        crc = UInt32(crc32_z(UInt(crc), base.assumingMemoryBound(to: Bytef.self), input.count))
        uncompressedSize += Int64(input.count)
        try run(input: input, flush: Z_NO_FLUSH, sink: sink)
    }

    /// Ends the stream, handing the last compressed bytes to `sink`.
    func finish(sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !ended else { return }
        ended = true
        try run(input: UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH, sink: sink)
    }

    private func run(input: UnsafeRawBufferPointer, flush: Int32, sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        while true {
            stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let result = deflate(stream, flush)
            guard result == Z_OK || result == Z_STREAM_END || result == Z_BUF_ERROR else { throw ZipWriteError.compression(result) }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 {
                compressedSize += Int64(produced)
                try sink(UnsafeRawBufferPointer(rebasing: output[..<produced]))
            }
            if flush == Z_FINISH ? result == Z_STREAM_END : (stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0) {
                break
            }
        }
        stream.pointee.next_in = nil
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
