import CivicCore
import CivicCrypto
import Foundation

/// The chosen batch files as they stand before the PIN is asked: each opened (its structure
/// read, not decrypted), checked against the card's encryption certificate and identified by its
/// SHA-256. Files that cannot be imported are known here, so the card step can name a file not
/// meant for this card, and no PIN is asked when nothing needs the card.
public struct ImportPlan: Sendable {
    public struct Entry: Sendable {
        public let file: URL
        /// The file's name as shown.
        public var name: String { file.lastPathComponent }
        public let state: State

        /// True when the file is to be decrypted with the card.
        public var isReady: Bool {
            if case .ready = state { true } else { false }
        }
    }

    public enum State: Sendable {
        /// Ready to decrypt with the card.
        case ready(EncryptedEnvelope, BatchFile)
        /// This very file (same SHA-256) was imported before: nothing to do.
        case alreadyImported(StoredBatch)
        /// Encrypted for other certificates than the card's: the recipients it names.
        case notForThisCard(UnaddressedFile, EnvelopeError)
        /// Unreadable, not CMS, damaged: refused before anything is decrypted.
        case refused(UserMessage)
    }

    public let entries: [Entry]

    /// The files not meant for the card, for the wizard's card step.
    public var unaddressedFiles: [UnaddressedFile] {
        entries.compactMap { entry in
            if case .notForThisCard(let file, _) = entry.state { file } else { nil }
        }
    }

    /// True when some file needs the card (and so the PIN).
    public var needsPIN: Bool {
        entries.contains(where: \.isReady)
    }

    /// Opens each file and places it (blocking: reads and hashes every file once, several files
    /// at a time on all cores).
    init(files: [URL], encryptionCertificate: CertificateInfo, store: some RosterImportStoring) {
        let opening = OrderedParallelMap<URL, State>(workers: min(files.count, ProcessInfo.processInfo.activeProcessorCount),
                                                     capacity: files.count) { file in
            Self.state(of: file, for: encryptionCertificate, store: store)
        }
        defer { opening.stop() }
        files.forEach(opening.submit)
        entries = files.compactMap { file in opening.takeNext().map { Entry(file: file, state: $0) } }
    }

    private static func state(of file: URL, for certificate: CertificateInfo, store: some RosterImportStoring) -> State {
        do {
            let envelope = try EncryptedEnvelope(contentsOf: file)
            guard envelope.recipient(for: certificate) != nil else {
                let identifiers = envelope.recipients.map(\.identifier)
                return .notForThisCard(UnaddressedFile(name: file.lastPathComponent, recipients: identifiers.map(\.name.zh)),
                                       .notForThisCard(recipients: identifiers))
            }
            let batch = BatchFile(name: file.lastPathComponent, sha256: try Digest.sha256Hex(ofFile: file))
            if let stored = try store.batch(fileSHA256: batch.sha256) { return .alreadyImported(stored) }
            return .ready(envelope, batch)
        } catch {
            return .refused(RosterService.message(for: error))
        }
    }
}
