import CivicCard
import CivicCore
import CivicCrypto
import CivicFiles
import CivicSpreadsheet
import CivicStore
import CivicZip
import Foundation

/// What to pack and where (spec §5).
public struct PackRequest: Sendable {
    public let caseId: String
    /// Created (mode 0700) when missing; `CivicDeskFolders.packFolder(caseId:)` by default.
    public let folder: URL
    /// The manifest's `packedAt` and every zip entry's time: fixing it makes packing reproducible.
    public let packedAt: Timestamp
    /// Full ID numbers in the spreadsheet instead of the first six characters and `****`.
    public let fullIDs: Bool

    /// `packedAt` nil is now, in the computer's offset.
    public init(caseId: String, folder: URL, packedAt: Timestamp? = nil, fullIDs: Bool = false) {
        self.caseId = caseId
        self.folder = folder
        self.packedAt = packedAt ?? RosterStore.localNow()
        self.fullIDs = fullIDs
    }
}

/// What packing wrote.
public struct PackResult: Sendable {
    public let manifest: SubmissionManifest
    public let folder: URL

    public var archive: URL { folder.appendingPathComponent(SubmissionPackage.archiveName) }
    public var spreadsheet: URL { folder.appendingPathComponent(SubmissionPackage.spreadsheetName) }
}

/// The manifest signed on the card (spec §5): CivicCrypto's detached CMS signer over the card's
/// signing key, at the pack's `packedAt`, so the same pack signs the same way.
struct CardManifestSigner: ManifestSigning {
    let key: TokenKey
    let signingTime: Date

    var certificate: CertificateInfo { key.certificate }

    func sign(_ manifest: [UInt8]) throws -> [UInt8] {
        try DetachedSigner.sign(manifest, with: key, signingTime: signingTime)
    }
}

/// The two output writers, in a folder made private to its owner first (it receives personal data).
enum RosterOutputFiles {
    static func archive(in folder: URL, packedAt: Timestamp) throws -> ZipSubmissionArchive {
        try PrivateFolder.create(folder)
        return try ZipSubmissionArchive(folder: folder, packedAt: packedAt)
    }

    static func spreadsheet(in folder: URL) throws -> XlsxRosterSpreadsheet {
        try PrivateFolder.create(folder)
        return try XlsxRosterSpreadsheet(folder: folder)
    }
}
