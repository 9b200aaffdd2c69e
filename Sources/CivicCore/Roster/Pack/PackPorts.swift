/// A record as packing needs it: what the spreadsheet shows (with the full ID) and the line
/// exactly as it came in its batch.
public struct PackRecord: Sendable, Hashable {
    public let row: RosterRecordRow
    public let line: [UInt8]
    public let lineIsObject: Bool

    public init(row: RosterRecordRow, line: [UInt8], lineIsObject: Bool) {
        self.row = row
        self.line = line
        self.lineIsObject = lineIsObject
    }
}

/// The workspace as packing reads it. CivicStore implements it.
public protocol RosterPackSource: Sendable {
    /// Reads one case in a single consistent snapshot: `begin` receives the case, then `records`
    /// receives every record in chunks — the `valid` ones in roster order (`RosterOrder`), then
    /// all the others in roster order. Throws `RosterCaseError` for an unknown or purged case.
    func readForPacking(caseId: String, begin: (RosterCase) throws -> Void, records: ([PackRecord]) throws -> Void) throws
}

/// Signs `manifest.json` with the lead person's card (spec §5): CivicCrypto's detached CMS signer
/// over CivicCard's key implements it.
public protocol ManifestSigning: Sendable {
    /// The signing certificate; its subject is the manifest's `packedBy`.
    var certificate: CertificateInfo { get }

    /// A DER detached CMS SignedData over `manifest`, carrying the signing certificate.
    func sign(_ manifest: [UInt8]) throws -> [UInt8]
}

/// Writes `連署(送件用).zip` (spec §5). The two large entries stream in while the records are
/// read; the manifest and its signature, which depend on them, come last — the writer still
/// stores the entries in the spec's order. Nothing is visible under the final name until
/// `commit()`.
public protocol SubmissionArchiveWriting: AnyObject {
    func appendRecords(_ bytes: [UInt8]) throws
    func appendExcluded(_ bytes: [UInt8]) throws
    /// Completes the archive (still under its temporary name).
    func finish(manifest: [UInt8], signature: [UInt8]) throws
    /// Moves the complete archive over the final name.
    func commit() throws
    /// Removes what was written; the previous archive, if any, stays.
    func discard()
}

/// Writes `連署.xlsx` (spec §5) row by row in constant memory. Nothing is visible under the final
/// name until `commit()`.
public protocol RosterSpreadsheetWriting: AnyObject {
    func appendRecord(_ row: SpreadsheetRecordRow) throws
    /// Writes the 統計 sheet and completes the workbook (still under its temporary name).
    func finish(statistics: SpreadsheetStatistics) throws
    func commit() throws
    func discard()
}
