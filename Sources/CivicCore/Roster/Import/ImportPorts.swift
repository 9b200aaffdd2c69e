/// The decrypted content of one batch file, pushed in chunks as decryption produces them — the
/// shape of CivicCrypto's `EncryptedEnvelope.decrypt(using:…consume:)`. Whatever it throws (a
/// failed GCM tag or padding at the end, a removed card) aborts the import, and nothing of the
/// batch is kept.
public protocol PlaintextProducing: Sendable {
    /// Hands every chunk of plaintext (any size) to `consume`, in order, and returns once the
    /// content is complete and authenticated. Errors thrown by `consume` must reach the caller
    /// unchanged.
    func produce(_ consume: ([UInt8]) throws -> Void) throws
}

/// A running SHA-256, as the payload trailer and the submission manifest need. CivicCrypto's
/// `Digest` conforms; Core has no hash of its own.
public protocol SHA256Digesting {
    mutating func update(_ bytes: UnsafeRawBufferPointer)
    consuming func finish() -> [UInt8]
}

extension SHA256Digesting {
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest as lower-case hex, as rosters and manifests write it.
    public consuming func finishHex() -> String {
        Hex.string(finish())
    }
}

/// The file a batch came from: its name (shown in the manifest) and the SHA-256 of its bytes as
/// downloaded, which identifies the batch (importing the same file twice changes nothing).
public struct BatchFile: Sendable, Hashable {
    public let name: String
    public let sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256.lowercased()
    }
}

/// A batch already in the workspace.
public struct StoredBatch: Sendable, Hashable {
    public let caseId: String
    public let number: Int
    public let file: BatchFile
    public let records: Int
    public let downloadedAt: Timestamp
    public let signedFrom: CivilDate
    public let signedTo: CivilDate
    public let importedAt: Timestamp

    public init(caseId: String, number: Int, file: BatchFile, records: Int, downloadedAt: Timestamp,
                signedFrom: CivilDate, signedTo: CivilDate, importedAt: Timestamp) {
        self.caseId = caseId
        self.number = number
        self.file = file
        self.records = records
        self.downloadedAt = downloadedAt
        self.signedFrom = signedFrom
        self.signedTo = signedTo
        self.importedAt = importedAt
    }
}

/// Writes one batch inside the store's transaction: the header first (the store refuses the
/// batch there when its case or number conflicts), then the checked records in batch order.
public protocol RosterBatchWriting {
    func begin(_ header: RosterHeader) throws
    func append(_ records: [CheckedRecord]) throws
}

/// The workspace as the import needs it. CivicStore implements it over SQLite.
public protocol RosterImportStoring: Sendable {
    /// The batch imported from a file with this SHA-256, if any.
    func batch(fileSHA256: String) throws -> StoredBatch?

    /// Adds one batch in ONE transaction: `body` calls `begin` with the header, then streams the
    /// checked records. When it returns, duplicates are resolved across the whole case and
    /// everything is committed; when it throws, everything is rolled back and the error
    /// rethrown. `begin` refuses a batch whose number the case already has from another file,
    /// whose case facts (stage, electorate) differ from the case's, or whose case was purged.
    /// Returns `.alreadyImported`, without calling `body`, for a file imported before.
    func importBatch(file: BatchFile, _ body: (any RosterBatchWriting) throws -> Void) throws -> BatchImportResult
}

/// What importing one batch file did.
public enum BatchImportResult: Sendable, Equatable {
    case imported(BatchImportOutcome)
    /// The same file was imported before: nothing changed.
    case alreadyImported(StoredBatch)
}

public struct BatchImportOutcome: Sendable, Equatable {
    public let caseId: String
    public let batchNumber: Int
    /// This batch's records by status, after the duplicate rule.
    public let counts: StatusCounts
    /// Records of the case that are duplicates because of this batch: its own records found
    /// duplicate, and earlier records that this batch's earlier signatures displaced.
    public let newDuplicates: Int
    /// The whole case after the import.
    public let caseCounts: StatusCounts
    public let threshold: Int

    public init(caseId: String, batchNumber: Int, counts: StatusCounts, newDuplicates: Int, caseCounts: StatusCounts, threshold: Int) {
        self.caseId = caseId
        self.batchNumber = batchNumber
        self.counts = counts
        self.newDuplicates = newDuplicates
        self.caseCounts = caseCounts
        self.threshold = threshold
    }

    public var records: Int { counts.total }
}
