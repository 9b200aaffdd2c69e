import CivicCore
import Foundation

/// What an import found: the letter, the files that came with it, and what was kept aside.
public struct DIImportResult: Sendable, Hashable {
    public let read: DIReadLetter
    public let diFile: URL
    /// The DI file as it was read, for checking a signature over it.
    public let bytes: [UInt8]
    /// Each of `read.letter.attachments.files`, in the same order: where it is now.
    public let attachmentFiles: [URL]
    /// `NAME.p7s` beside the DI file, if there is one (checked by whoever imports).
    public let signatureFile: URL?

    public var letter: OfficialLetter { read.letter }
    public var kept: [DIKeptElement] { read.kept }
}

/// Reads an exchange folder, or a DI file in one: the letter, its attachments beside it (every
/// one must be there), and its detached signature if present.
public enum DIFolderImport {
    /// A DI file holds a letter's text only: 64 MB is hundreds of times the longest letter.
    public static let maximumSize = 64 << 20

    /// `path` is a `.di` file, or a folder holding exactly one.
    public static func read(_ path: URL) throws(DIExchangeError) -> DIImportResult {
        let diFile = try locate(path)
        let bytes = try contents(of: diFile)
        let read = try DILetterReader.read(bytes)
        let folder = diFile.deletingLastPathComponent()
        var attachmentFiles: [URL] = []
        for attachment in read.letter.attachments.files {
            let url = folder.appendingPathComponent(attachment.fileName)
            guard access(url.path, R_OK) == 0 else {
                if errno == ENOENT { throw .attachmentMissing(name: attachment.fileName, path: url.path) }
                throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
            }
            attachmentFiles.append(url)
        }
        let signature = diFile.deletingPathExtension().appendingPathExtension(DIFolderExport.signatureExtension)
        return DIImportResult(read: read, diFile: diFile, bytes: bytes, attachmentFiles: attachmentFiles,
                              signatureFile: FileManager.default.fileExists(atPath: signature.path) ? signature : nil)
    }

    private static func locate(_ path: URL) throws(DIExchangeError) -> URL {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
            throw .unreadable(path: path.path, reason: String(cString: strerror(ENOENT)))
        }
        guard isFolder.boolValue else { return path }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path.path)
        } catch {
            throw .unreadable(path: path.path, reason: error.localizedDescription)
        }
        let documents = names.filter { $0.lowercased().hasSuffix("." + DIFolderExport.fileExtension) && !$0.hasPrefix(".") }.sorted()
        guard let only = documents.first else { throw .noDIFile(folder: path.path) }
        guard documents.count == 1 else { throw .severalDIFiles(folder: path.path, names: documents) }
        return path.appendingPathComponent(only)
    }

    private static func contents(of file: URL) throws(DIExchangeError) -> [UInt8] {
        guard access(file.path, R_OK) == 0 else { throw .unreadable(path: file.path, reason: String(cString: strerror(errno))) }
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
        guard size <= maximumSize else { throw .tooLarge(path: file.path, bytes: size) }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw .unreadable(path: file.path, reason: String(cString: strerror(EIO)))
        }
        return [UInt8](data)
    }
}
