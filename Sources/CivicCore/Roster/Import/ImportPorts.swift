/// The decrypted content of one batch file, in chunks as decryption produces them. CivicCrypto's
/// streaming envelope decryptor implements it; whatever it throws (a failed GCM tag or padding
/// at the end, a removed card) aborts the import, and nothing of the batch is kept.
public protocol PlaintextChunkSource {
    /// The next chunk of plaintext (any size, possibly empty), or nil after the last one.
    mutating func nextChunk() throws -> [UInt8]?
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

    /// The digest as lower-case hex.
    public consuming func finishHex() -> String {
        finish().lowercaseHex
    }
}

extension Sequence<UInt8> {
    /// Lower-case hexadecimal, two digits a byte: how digests are written in rosters and manifests.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
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

/// Receives checked records inside the store's transaction, in batch order.
public protocol CheckedRecordSink {
    func append(_ records: [CheckedRecord]) throws
}

/// The workspace as the import needs it. CivicStore implements it over SQLite.
public protocol RosterImportStoring: Sendable {
    /// The batch imported from a file with this SHA-256, if any.
    func batch(fileSHA256: String) throws -> StoredBatch?

    /// Adds one batch in ONE transaction: `records` streams the batch's checked records into the
    /// sink. When it returns, duplicates are resolved across the whole case and everything is
    /// committed; when it throws, everything is rolled back and the error rethrown. Refuses a
    /// batch whose number the case already has from another file, or whose case facts (stage,
    /// electorate) differ from the case's; returns `.alreadyImported` for the same file.
    func importBatch(header: RosterHeader, file: BatchFile,
                     records: (any CheckedRecordSink) throws -> Void) throws -> BatchImportResult
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
