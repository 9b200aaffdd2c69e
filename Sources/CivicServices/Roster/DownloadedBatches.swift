import CivicCore
import CivicCrypto
import Foundation

/// A roster batch file (`.cec`) in the Downloads folder, where the petition system's
/// 連署人名冊下載 saves them: the import's first step lists these for quick picking, each
/// marked when the very same file (same SHA-256) was imported before.
public struct DownloadedBatchFile: Sendable, Hashable {
    public let file: URL
    public let size: Int
    public let modified: Date
    /// The batch imported from this file, if it was.
    public let imported: StoredBatch?

    public var name: String { file.lastPathComponent }
}

extension RosterService {
    /// The `.cec` files directly in `folders.downloads`, by name (the petition system names them
    /// by case and date); none when the folder does not exist. Blocking: reads and hashes each.
    public func downloadedBatchFiles() throws -> [DownloadedBatchFile] {
        let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey, .contentModificationDateKey]
        let entries: [URL]
        do {
            entries = try FileManager.default.contentsOfDirectory(at: folders.downloads, includingPropertiesForKeys: keys,
                                                                  options: [.skipsHiddenFiles])
        } catch CocoaError.fileReadNoSuchFile {
            return []
        }
        return try entries.filter { $0.pathExtension.lowercased() == "cec" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
            .compactMap { file in
                let values = try file.resourceValues(forKeys: Set(keys))
                guard values.isRegularFile == true else { return nil }
                return DownloadedBatchFile(file: file, size: values.fileSize ?? 0, modified: values.contentModificationDate ?? Date(),
                                           imported: try store.batch(fileSHA256: Digest.sha256Hex(ofFile: file)))
            }
    }
}
