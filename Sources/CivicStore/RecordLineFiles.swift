import CivicCore
import CivicFiles
import Foundation

/// The decrypted record lines of each imported batch, one file per batch in the workspace's
/// `lines/` folder (0700, files 0600, spec §6), named after the batch file's SHA-256. The rows
/// in SQLite say where each record's line lies (offset and length).
///
/// Why not in SQLite: a full petition is some 700 MB of lines, which SQLite would write twice
/// (WAL, then checkpoint) and copy through its pages — a third of a full import's time. Here
/// they are written once, sequentially, and read back only when packing.
///
/// A batch's file is written under a temporary name and renamed into place just before its
/// transaction commits; a crash in between leaves a file no batch row names, which the next
/// import removes (`removeOrphans`), inside its own write transaction so no other import is
/// under way.
struct RecordLineFiles: Sendable {
    let folder: URL

    init(workspace: URL) throws {
        folder = workspace.appendingPathComponent("lines")
        try PrivateFolder.create(folder)
    }

    func url(batchSHA256: String) -> URL {
        folder.appendingPathComponent("\(batchSHA256).jsonl")
    }

    /// A new batch's file, written as the records arrive.
    func writer(batchSHA256: String) throws -> RecordLineWriter {
        try RecordLineWriter(StagedFile(destination: url(batchSHA256: batchSHA256)))
    }

    /// Reads the lines of `batches` (a case's) back by place, keeping each file open while reading.
    func reader(for batches: [StoredBatch]) -> RecordLineReader {
        RecordLineReader(files: self, batches: batches)
    }

    /// Overwrites a batch's lines with zeros, then removes the file: the retention purge leaves no
    /// personal data behind (as `secure_delete` does inside SQLite). A missing file is fine.
    func erase(batchSHA256: String) throws {
        let path = url(batchSHA256: batchSHA256).path
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return }
            throw FileWriteError(path: path, code: errno)
        }
        defer { close(descriptor) }
        var status = stat()
        fstat(descriptor, &status)
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let file = FileDescriptorHandle(descriptor: descriptor, path: path)
        var left = Int(status.st_size)
        while left > 0 {
            let count = min(left, zeros.count)
            try zeros.withUnsafeBytes { try file.write(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            left -= count
        }
        if fsync(descriptor) != 0 || unlink(path) != 0 { throw FileWriteError(path: path, code: errno) }
    }

    /// Removes every file in the folder that is not the lines of one of `batches` (SHA-256s):
    /// files of a crashed import, unfinished temporary files, files a purge did not get to.
    func removeOrphans(keeping batches: Set<String>) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !(name.hasSuffix(".jsonl") && batches.contains(String(name.dropLast(6)))) {
            try erase(path: folder.appendingPathComponent(name))
        }
    }

    private func erase(path url: URL) throws {
        if url.pathExtension == "jsonl" {
            try erase(batchSHA256: url.deletingPathExtension().lastPathComponent)
        } else if unlink(url.path) != 0 && errno != ENOENT {
            throw FileWriteError(path: url.path, code: errno)
        }
    }
}

/// Where a record's line lies in its batch's line file.
struct RecordLinePlace: Sendable, Equatable {
    let offset: Int64
    let length: Int
}

/// Appends one batch's record lines to its staged file through a 1 MB buffer.
final class RecordLineWriter {
    private let file: StagedFile
    private var buffer: [UInt8] = []
    private var written: Int64 = 0
    private var sync: Sync?

    /// A flush to disk on a thread of its own, while nothing writes to the file; joined (in
    /// `wait()`, else when this goes away) so no thread holds the file past the import.
    private final class Sync {
        /// Written by the thread, read only once it has been joined.
        private final class Outcome: @unchecked Sendable {
            var error: (any Error)?
        }

        private let outcome: Outcome
        private let thread: JoinableThread

        init(_ file: StagedFile) {
            let outcome = Outcome()
            let file = Handover(value: file)
            self.outcome = outcome
            thread = JoinableThread(name: "civicdesk.sync") {
                do { try file.value.sync() } catch { outcome.error = error }
            }
        }

        func wait() throws {
            thread.join()
            if let error = outcome.error { throw error }
        }
    }

    private func finishSync() throws {
        defer { sync = nil }
        try sync?.wait()
    }

    init(_ file: StagedFile) {
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    /// Adds a line (without a line feed) and says where it lies.
    func append(_ line: [UInt8]) throws -> RecordLinePlace {
        if buffer.count + line.count > buffer.capacity { try flush() }
        let place = RecordLinePlace(offset: written + Int64(buffer.count), length: line.count)
        buffer.append(contentsOf: line)
        return place
    }

    /// Writes what is buffered and has a thread of its own flush the file to disk, while the
    /// caller goes on with the batch's last queries; `commit()` waits for it.
    func startSync() throws {
        try flush()
        sync = Sync(file)
    }

    /// Writes what is buffered, flushes the file to disk and renames it into place.
    func commit() throws {
        try finishSync()
        try flush()
        try file.commit()
    }

    /// Removes the staged file (the import failed); a committed file is left alone.
    func discard() {
        try? finishSync()
        file.discard()
    }

    /// Each megabyte goes to disk as soon as it is written, so committing does not wait long.
    private func flush() throws {
        let handle = file.handle
        try handle.write(buffer)
        handle.startWriteback(offset: written, length: buffer.count)
        written += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads record lines back for packing, with one open descriptor per batch file.
final class RecordLineReader {
    private let files: RecordLineFiles
    /// Each batch's file, by batch number.
    private let batchFiles: [Int: String]
    private var descriptors: [Int: Int32] = [:]

    init(files: RecordLineFiles, batches: [StoredBatch]) {
        self.files = files
        batchFiles = Dictionary(batches.map { ($0.number, $0.file.sha256) }) { first, _ in first }
    }

    deinit {
        descriptors.values.forEach { close($0) }
    }

    /// The line of a record of batch `batch` at `place`.
    func line(batch: Int, at place: RecordLinePlace) throws -> [UInt8] {
        let descriptor = try self.descriptor(batch)
        var line = [UInt8](repeating: 0, count: place.length)
        var done = 0
        while done < place.length {
            let count = line.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress?.advanced(by: done), place.length - done, off_t(place.offset) + off_t(done))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw RecordLineError(path: path(batch), code: count < 0 ? errno : 0) }
            done += count
        }
        return line
    }

    private func path(_ batch: Int) -> String {
        batchFiles[batch].map { files.url(batchSHA256: $0).path } ?? files.folder.appendingPathComponent("batch \(batch)").path
    }

    /// A batch the case does not list has no file: ENOENT, as for a file that went missing.
    private func descriptor(_ batch: Int) throws -> Int32 {
        if let descriptor = descriptors[batch] { return descriptor }
        let descriptor = batchFiles[batch] == nil ? -1 : open(path(batch), O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw RecordLineError(path: path(batch), code: batchFiles[batch] == nil ? ENOENT : errno) }
        descriptors[batch] = descriptor
        return descriptor
    }
}

/// A batch's stored lines could not be read back for packing: the workspace was changed by
/// hand, or the disk failed.
public struct RecordLineError: UserFacingError, Sendable, Equatable {
    public let path: String
    /// The POSIX error number, 0 when the file is shorter than the workspace expects.
    public let code: Int32

    public init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    public var message: UserMessage {
        let reason = code == 0 ? "檔案比預期短" : String(cString: strerror(code))
        let reasonEn = code == 0 ? "the file is shorter than expected" : String(cString: strerror(code))
        return UserMessage(
            zh: "工作區中的名冊資料「\(path)」無法讀取（\(reason)），無法打包。工作區可能被改動過，或磁碟發生錯誤；請檢查磁碟後再試。",
            en: "The workspace's roster lines “\(path)” cannot be read (\(reasonEn)), so the case cannot be packed. The workspace may have been changed, or the disk failed; check the disk and try again.")
    }
}
