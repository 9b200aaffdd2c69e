import CivicCard
import CivicCore
import CivicCrypto
import CivicStore
import Foundation

/// The 連署名冊 feature over the real adapters, for the command line and the window alike: the
/// workspace (`RosterStore`, for the queries), the trust anchors, import, pack and purge.
///
/// Every call may block (files, the card, SQLite, RSA): the window runs them on a background
/// thread and hands progress to its main thread. Import and pack follow the wizards' steps:
///
///     let service = try RosterService(folders: CivicDeskFolders())
///     let trust = try service.loadTrust()                          // once
///     let card = try OperationCard.open(.reader(name, certificate: enc)) // card step
///     let plan = try service.planImport(files, card: card)          // card step: unaddressedFiles, needsPIN
///     let login = try card.login(pin: pin)                          // PIN step (wrong PIN: TokenError.wrongPIN)
///     let control = OperationControl()                              // Cancel button → control.cancel()
///     let results = service.importFiles(plan, trust: trust, login: login, card: card, control: control) { event in … }
///
/// and for packing `packableCase(_:)` (before the PIN), `card.login(pin:)`, then `pack(…)`.
/// The operations that take a `TokenLogin` log it out when they return, on every path.
public final class RosterService: Sendable {
    public let folders: CivicDeskFolders
    public let store: RosterStore

    /// Opens (creating when needed) the workspace in `folders.workspace`.
    public init(folders: CivicDeskFolders) throws {
        self.folders = folders
        store = RosterStore(database: try WorkspaceDatabase(folder: folders.workspace))
    }

    /// The trust anchors of every folder in `folders.trust` (blocking: reads and checks them).
    public func loadTrust() throws -> TrustStore {
        try folders.loadTrust()
    }

    // MARK: Import

    /// Opens the chosen files and sorts out, without the PIN, which the card can import.
    public func planImport(_ files: [URL], card: OperationCard) throws -> ImportPlan {
        guard let certificate = card.encryptionCertificate else { throw TokenError.keyNotFound(.encryption) }
        return ImportPlan(files: files, encryptionCertificate: certificate, store: store)
    }

    /// What importing reports as it goes, on the importing thread.
    public enum ImportEvent: Sendable {
        case started(fileIndex: Int, file: URL)
        case progressed(fileIndex: Int, ImportProgress)
        case finished(fileIndex: Int, ImportResult)
    }

    public struct ImportResult: Sendable {
        public let file: URL
        public let outcome: RosterImportWizard.FileOutcome
    }

    /// Imports the plan's files one after another, each in one transaction: a file that fails is
    /// rolled back whole and the next one still runs. Files are read and checked ahead of the
    /// store (each content key unwrapped on the card just before), so the next batch is checked
    /// while one commits. A cancel, or the card leaving its reader (watched when `card.reader` is
    /// known), rolls back the file under way and starts no more. `login` (nil when
    /// `plan.needsPIN` is false) is logged out before this returns.
    public func importFiles(_ plan: ImportPlan, trust: TrustStore, login: TokenLogin?, card: OperationCard,
                            control: OperationControl = OperationControl(),
                            progress: (ImportEvent) -> Void = { _ in }) -> [ImportResult] {
        defer { login?.logout() }
        let entries = plan.entries
        var results: [ImportResult] = []
        /// Reports the outcome of the next entry (they are reported in order).
        func finish(_ outcome: RosterImportWizard.FileOutcome) {
            let index = results.count
            let result = ImportResult(file: entries[index].file, outcome: outcome)
            progress(.finished(fileIndex: index, result))
            results.append(result)
        }
        /// Reports the entries before `index` that the plan already decided.
        func finishPlanned(before index: Int) {
            while results.count < index {
                finish(Self.plannedOutcome(entries[results.count]) ?? .failed(RosterServiceError.notStarted.message))
            }
        }
        let ready = entries.indices.filter { entries[$0].isReady }
        if let first = ready.first {
            do {
                guard let login else { throw TokenError.loggedOut }
                try ReaderWatch.watching(card.reader, control: control, removed: RosterServiceError.cardRemoved(during: .importing)) {
                    importBatches(ready.map { entries[$0] }, trust: trust, login: login, control: control, starting: { number in
                        finishPlanned(before: ready[number])
                        progress(.started(fileIndex: ready[number], file: entries[ready[number]].file))
                    }, progress: { number, step in
                        progress(.progressed(fileIndex: ready[number], step))
                    }, finished: { outcome in
                        finish(outcome)
                        if case .failed = outcome { return !control.isStopped }
                        return true
                    })
                }
            } catch {
                // The card was not in its reader to begin with, or no PIN was given.
                finishPlanned(before: first)
                finish(.failed(Self.message(for: error, control: control, during: .importing)))
            }
        }
        finishPlanned(before: entries.count)
        return results
    }

    /// Decrypts, checks and stores the ready entries in order (`RosterImporter.importBatches`),
    /// each content key unwrapped on the card just before its file is read. `finished` says
    /// whether to go on; a card that left its reader stops the import too.
    private func importBatches(_ entries: [ImportPlan.Entry], trust: TrustStore, login: TokenLogin, control: OperationControl,
                               starting: (Int) -> Void, progress: (Int, ImportProgress) -> Void,
                               finished: (RosterImportWizard.FileOutcome) -> Bool) {
        let importer = RosterImporter(store: store, verifier: DetachedSignatureVerifier(trustStore: trust), makeDigest: { Digest() })
        let batches = entries.compactMap { entry -> RosterImporter.Batch? in
            guard case .ready(let envelope, let batch) = entry.state else { return nil }
            return RosterImporter.Batch(file: batch) {
                EnvelopePlaintext(envelope: envelope, key: try envelope.unwrapContentKey(with: login.decryptionKey()), control: control)
            }
        }
        importer.importBatches(batches, cancellation: control.cancellation, starting: starting, progress: progress) { _, outcome in
            switch outcome {
            case .success(.imported(let imported)):
                return finished(.imported(imported))
            case .success(.alreadyImported(let stored)):
                return finished(.alreadyImported(stored))
            case .failure(let error):
                return finished(.failed(Self.message(for: error, control: control, during: .importing)))
                    && error as? TokenError != .tokenRemoved
            }
        }
    }

    /// The outcome the plan already knows for a file not to be decrypted; nil for one that is.
    private static func plannedOutcome(_ entry: ImportPlan.Entry) -> RosterImportWizard.FileOutcome? {
        switch entry.state {
        case .alreadyImported(let batch): .alreadyImported(batch)
        case .notForThisCard(_, let error): .failed(error.message)
        case .refused(let message): .failed(message)
        case .ready: nil
        }
    }

    // MARK: Pack

    /// The case as status views show it; `RosterCaseError.unknown`, naming the cases it has,
    /// when the workspace lacks it.
    public func rosterCase(_ caseId: String) throws -> RosterCase {
        guard let rosterCase = try store.rosterCase(caseId) else {
            throw RosterCaseError.unknown(caseId: caseId, known: try store.cases().map(\.caseId))
        }
        return rosterCase
    }

    /// The case to pack, refused before the PIN is asked when the workspace does not have it or
    /// has purged it.
    public func packableCase(_ caseId: String) throws -> RosterCase {
        let rosterCase = try rosterCase(caseId)
        guard !rosterCase.isPurged else { throw RosterCaseError.purged(caseId: caseId) }
        return rosterCase
    }

    /// Packs the case into `request.folder` (spec §5), signing the manifest on the card. Both
    /// files appear whole or not at all; on failure (full disk, cancel, card removed) the previous
    /// ones stay. `login` is logged out before this returns.
    public func pack(_ request: PackRequest, login: TokenLogin, card: OperationCard, control: OperationControl = OperationControl(),
                     progress: (PackProgress) -> Void = { _ in }) throws -> PackResult {
        defer { login.logout() }
        do {
            let signer = CardManifestSigner(key: try login.signingKey(), signingTime: request.packedAt.instant)
            let manifest = try ReaderWatch.watching(card.reader, control: control, removed: RosterServiceError.cardRemoved(during: .packing)) {
                try RosterPacker(source: store, makeDigest: { Digest() }).pack(
                    .init(caseId: request.caseId, packedAt: request.packedAt, fullIDs: request.fullIDs), signer: signer,
                    archive: try RosterOutputFiles.archive(in: request.folder, packedAt: request.packedAt),
                    spreadsheet: try RosterOutputFiles.spreadsheet(in: request.folder),
                    cancellation: control.cancellation, progress: progress)
            }
            return PackResult(manifest: manifest, folder: request.folder)
        } catch {
            if control.cardWasRemoved { throw RosterServiceError.cardRemoved(during: .packing) }
            throw error
        }
    }

    // MARK: Retention

    /// Deletes the case's personal data and keeps its statistics (spec §6).
    @discardableResult
    public func purge(caseId: String) throws -> RosterCase {
        try store.purge(caseId: caseId)
    }

    // MARK: Messages

    /// What to tell the user about an error from any layer.
    public static func message(for error: Error) -> UserMessage {
        error is CancellationError ? RosterImportError.cancelled.message : UserMessage(describing: error)
    }

    /// As `message(for:)`, saying "card removed" when that is why the operation stopped.
    static func message(for error: Error, control: OperationControl, during operation: RosterServiceError.Operation) -> UserMessage {
        if control.cardWasRemoved || error as? TokenError == .tokenRemoved {
            return RosterServiceError.cardRemoved(during: operation).message
        }
        return message(for: error)
    }
}

/// A batch file's plaintext as the importer takes it: decrypted from the file as a stream with
/// the content key the card unwrapped; a cancel stops the decryption too.
struct EnvelopePlaintext: PlaintextProducing {
    let envelope: EncryptedEnvelope
    let key: ContentKey
    let control: OperationControl

    func produce(_ consume: ([UInt8]) throws -> Void) throws {
        do {
            try envelope.decrypt(using: key, isCancelled: { control.isStopped }, consume: consume)
        } catch is CancellationError {
            throw RosterImportError.cancelled
        }
    }
}
