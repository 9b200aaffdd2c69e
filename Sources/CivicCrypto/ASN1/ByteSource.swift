import COpenSSL
import Foundation

/// Where a `BERReader` gets its bytes: a file, the base64 body of a PEM file, or memory. Batch
/// files are far too large to hold, so the envelope reader pulls them through one of these.
protocol ByteSource: AnyObject {
    /// Fills at most `buffer.count` bytes and says how many; 0 only at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// How far into the underlying file reading has come (progress).
    var filePosition: Int64 { get }
}

/// Raised by sources that read a file, with the system's reason.
struct FileReadFailure: Error {
    let reason: String

    static func fromErrno() -> FileReadFailure {
        FileReadFailure(reason: String(cString: strerror(errno)))
    }
}

/// Reads an open file descriptor from an offset with `pread`, so several readers may share one
/// descriptor without sharing a file position.
final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private(set) var filePosition: Int64

    init(descriptor: Int32, offset: Int64 = 0) {
        self.descriptor = descriptor
        self.filePosition = offset
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, off_t(filePosition))
            if count >= 0 {
                filePosition += Int64(count)
                return count
            }
            if errno != EINTR { throw FileReadFailure.fromErrno() }
        }
    }
}

/// Bytes already in memory (small structures cut out of a larger one).
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var filePosition: Int64 { Int64(offset) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
