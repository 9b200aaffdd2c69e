import CivicCore
import Foundation

/// An output file that appears under its name only when complete (spec §6): a crash, a kill -9,
/// a cancel or a full disk leaves the previous file, or none, never half a file — and no hidden
/// file with personal data either.
///
/// On Linux the content goes to an unnamed file in the destination folder
/// (`open(folder, O_TMPFILE)`, mode 0600), which the kernel removes with its last descriptor,
/// however the process ends; `commit()` flushes it and links it in under its name (`linkat`).
/// Where the folder's filesystem has no unnamed files (some FUSE and network filesystems, older
/// kernels), it falls back to a hidden name beside the destination (`.NAME.N.partial`), renamed
/// over the final name when complete; only there can a killed process leave that file behind.
/// Dropping it uncommitted removes the content.
public final class StagedFile {
    public let destination: URL
    /// A path through which a library that opens files by name writes the content
    /// (`/proc/self/fd/N` for an unnamed file, else the hidden name).
    public let writablePath: String
    /// The hidden name of the fallback; nil for an unnamed file.
    private let temporaryURL: URL?
    private let descriptor: Int32
    private var finished = false

    public init(destination: URL) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        if let unnamed = try Self.openUnnamed(in: folder, for: destination) {
            descriptor = unnamed
            writablePath = "/proc/self/fd/\(unnamed)"
            temporaryURL = nil
            return
        }
        let (hidden, descriptor) = try Self.createHidden(beside: destination)
        self.descriptor = descriptor
        writablePath = hidden.path
        temporaryURL = hidden
    }

    /// An unnamed file in `folder`; nil where there can be none: the filesystem has none
    /// (EOPNOTSUPP), the kernel does not know the flag (EISDIR, EINVAL), or there is no /proc
    /// to name it by for `linkat` and libxlsxwriter.
    private static func openUnnamed(in folder: URL, for destination: URL) throws -> Int32? {
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let descriptor = open(folder.path, unnamedFile | O_RDWR | O_CLOEXEC, 0o600)
        if descriptor >= 0 { return descriptor }
        guard [EOPNOTSUPP, EISDIR, EINVAL].contains(errno) else { throw FileWriteError(path: destination.path, code: errno) }
        return nil
    }

    /// O_TMPFILE, which Glibc's headers declare only for C code built with _GNU_SOURCE.
    private static let unnamedFile: Int32 = 0o20_000_000 | O_DIRECTORY

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

    /// Flushes the content to disk and puts it under `destination`, replacing what was there.
    public func commit() throws {
        guard !finished else { return }
        try sync()
        defer {
            finished = true
            close(descriptor)
        }
        if let temporaryURL {
            try Self.replace(destination, with: temporaryURL)
        } else {
            try linkIn()
        }
        let folder = open(destination.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Removes the content; the destination is left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        if let temporaryURL { unlink(temporaryURL.path) }
    }

    /// Links the unnamed file in under `destination`. A name cannot be linked over, so an
    /// existing file is replaced through a hidden name, renamed over it at once.
    private func linkIn() throws {
        if link(to: destination.path) == 0 { return }
        guard errno == EEXIST else { throw FileWriteError(path: destination.path, code: errno) }
        var lastError = EEXIST
        for _ in 0..<16 {
            let hidden = Self.hiddenName(beside: destination)
            if link(to: hidden.path) == 0 { return try Self.replace(destination, with: hidden) }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw FileWriteError(path: destination.path, code: lastError)
    }

    private func link(to path: String) -> Int32 {
        linkat(AT_FDCWD, writablePath, AT_FDCWD, path, AT_SYMLINK_FOLLOW)
    }

    private static func replace(_ destination: URL, with named: URL) throws {
        if rename(named.path, destination.path) != 0 {
            let code = errno
            unlink(named.path)
            throw FileWriteError(path: destination.path, code: code)
        }
    }

    private static func hiddenName(beside destination: URL) -> URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).\(UInt32.random(in: .min ... .max)).partial")
    }

    private static func createHidden(beside destination: URL) throws -> (URL, Int32) {
        var lastError: Int32 = EEXIST
        for _ in 0..<16 {
            let candidate = hiddenName(beside: destination)
            let descriptor = open(candidate.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return (candidate, descriptor) }
            lastError = errno
            if lastError != EEXIST { break }
        }
        throw FileWriteError(path: destination.path, code: lastError)
    }
}
