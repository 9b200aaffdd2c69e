import CivicCore
import Foundation

/// An output file written under a temporary name in its destination folder (mode 0600) and
/// renamed over the final name only when complete (spec §6): a crash, a cancel or a full disk
/// leaves the previous file, or none, never half a file. Dropping it uncommitted removes the
/// temporary file.
public final class StagedFile {
    public let destination: URL
    /// Where the content is written until `commit()`: a hidden name beside the destination.
    public let temporaryURL: URL
    private var descriptor: Int32
    private var finished = false

    public init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let candidate = folder.appendingPathComponent(".\(destination.lastPathComponent).\(UInt32.random(in: .min ... .max)).partial")
            let descriptor = open(candidate.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 {
                self.temporaryURL = candidate
                self.descriptor = descriptor
                return
            }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw FileWriteError(path: destination.path, code: lastError)
    }

    deinit {
        discard()
    }

    /// The file as written so far, to write more or copy from.
    public var handle: FileDescriptorHandle { FileDescriptorHandle(descriptor: descriptor, path: destination.path) }

    /// Flushes the content written so far to disk (`commit()` does it too; done before, it
    /// leaves `commit()` little to wait for). May run on another thread than the writing one,
    /// once the writing is done.
    public func sync() throws {
        if fsync(descriptor) != 0 { throw FileWriteError(path: destination.path, code: errno) }
    }

    /// Flushes the content to disk and renames it over `destination`.
    public func commit() throws {
        guard !finished else { return }
        try sync()
        close(descriptor)
        finished = true
        if rename(temporaryURL.path, destination.path) != 0 {
            let code = errno
            unlink(temporaryURL.path)
            throw FileWriteError(path: destination.path, code: code)
        }
        let folder = open(destination.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Removes the temporary file; the destination is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryURL.path)
    }
}
