import CivicCore
import CivicFiles
import Foundation

/// What an export wrote: the DI file's exact bytes (what a signature covers), and where each
/// file went.
public struct DIExportResult: Sendable, Hashable {
    public let diFile: URL
    public let bytes: [UInt8]
    public let attachmentFiles: [URL]
    /// The detached CMS signature over `bytes`, when a signer was given.
    public let signatureFile: URL?
}

/// Writes a letter's exchange folder: one `.di` file, its attachments beside it under the names
/// the DI file declares, and `NAME.p7s` when signed. Every file is staged under a temporary name
/// and renamed only once all of them are complete, so a failure (a missing attachment, a refused
/// signature, a full disk) leaves no partial export behind.
public enum DIFolderExport {
    public static let fileExtension = "di"
    public static let signatureExtension = "p7s"

    /// Writes `folder/baseName.di` and the rest. `attachmentSource` says where each of the
    /// letter's attachment files is stored now; `sign`, when given, receives the exact bytes of
    /// the DI file and returns a detached CMS signature (DER) over them.
    public static func export(_ letter: OfficialLetter, to folder: URL, baseName: String,
                              attachmentSource: (AttachmentFile) -> URL,
                              sign: (([UInt8]) throws -> [UInt8])? = nil) throws -> DIExportResult {
        guard DIVocabulary.isSafeFileName(baseName + "." + fileExtension) else { throw DIExchangeError.attachmentNameUnsafe(name: baseName) }
        let bytes = try DILetterWriter.document(for: letter)
        let diFile = folder.appendingPathComponent(baseName).appendingPathExtension(fileExtension)
        if let clash = letter.attachments.files.first(where: { $0.fileName == diFile.lastPathComponent }) {
            throw DIExchangeError.attachmentNameRepeated(name: clash.fileName)
        }
        try PrivateFolder.create(folder)
        var staged: [StagedFile] = []
        let document = try StagedFile(destination: diFile)
        staged.append(document)
        try document.handle.write(bytes)

        var attachmentFiles: [URL] = []
        for attachment in letter.attachments.files {
            let destination = folder.appendingPathComponent(attachment.fileName)
            let file = try StagedFile(destination: destination)
            staged.append(file)
            try copy(attachmentSource(attachment), name: attachment.fileName, to: file)
            attachmentFiles.append(destination)
        }

        var signatureFile: URL?
        if let sign {
            let signature = try sign(bytes)
            let url = folder.appendingPathComponent(baseName).appendingPathExtension(signatureExtension)
            let file = try StagedFile(destination: url)
            staged.append(file)
            try file.handle.write(signature)
            signatureFile = url
        }
        for file in staged { try file.sync() }
        for file in staged { try file.commit() }
        return DIExportResult(diFile: diFile, bytes: bytes, attachmentFiles: attachmentFiles, signatureFile: signatureFile)
    }

    private static func copy(_ source: URL, name: String, to file: StagedFile) throws {
        let descriptor = open(source.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { throw DIExchangeError.attachmentMissing(name: name, path: source.path) }
            throw DIExchangeError.unreadable(path: source.path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        try file.handle.append(contentsOf: FileDescriptorHandle(descriptor: descriptor, path: source.path))
    }
}
