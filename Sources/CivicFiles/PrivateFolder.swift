import CivicCore
import Foundation

/// Folders that hold decrypted personal data: created for their owner only (mode 0700),
/// as spec §6 asks, together with any missing parents.
public enum PrivateFolder {
    /// Creates `url` and missing parents with mode 0700. An existing folder is left as it is,
    /// unless `restrictExisting` (the workspace's own folder), which is then set to 0700.
    public static func create(_ url: URL, restrictExisting: Bool = false) throws {
        var missing: [URL] = []
        var folder = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in missing.reversed() where mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
            throw FileWriteError(path: folder.path, code: errno)
        }
        if restrictExisting && chmod(url.path, 0o700) != 0 {
            throw FileWriteError(path: url.path, code: errno)
        }
    }
}
