import CivicCore
import Foundation

/// Writing to an open file: appending, writing at an offset, and copying another file's content
/// in the kernel. Errors carry the path the user knows the file by.
public struct FileDescriptorHandle {
    let descriptor: Int32
    let path: String

    /// Writes to `descriptor`, which the caller keeps open; errors name `path`.
    public init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Writes all of `bytes` at the current end of the file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress?.advanced(by: done), bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: path, code: errno)
            }
            done += written
        }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Has the kernel start writing `length` bytes from `offset` to disk now, without waiting
    /// (Linux starts writeback for POSIX_FADV_DONTNEED), so that the `fsync` that ends a large
    /// file finds little left to write.
    public func startWriteback(offset: Int64, length: Int) {
        _ = posix_fadvise(descriptor, off_t(offset), off_t(length), POSIX_FADV_DONTNEED)
    }

    /// Appends the whole content of `source`, from its start.
    public func append(contentsOf source: FileDescriptorHandle) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            let count = pread(source.descriptor, buffer.baseAddress, buffer.count, offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileWriteError(path: source.path, code: errno)
            }
            if count == 0 { return }
            try write(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
            offset += off_t(count)
        }
    }
}

/// A scratch file in a chosen folder (so personal data stays where spec §6 allows it), removed
/// from the folder as soon as it is open: it disappears when closed, also after a crash.
public final class SpoolFile {
    private let descriptor: Int32
    public let folder: URL

    public init(in folder: URL) throws {
        let named = try StagedFile(destination: folder.appendingPathComponent("spool"))
        descriptor = dup(named.handle.descriptor)
        named.discard()
        guard descriptor >= 0 else { throw FileWriteError(path: folder.path, code: errno) }
        self.folder = folder
    }

    deinit {
        close(descriptor)
    }

    public var handle: FileDescriptorHandle { FileDescriptorHandle(descriptor: descriptor, path: folder.path) }
}
