import Foundation

/// Line 1 of a decrypted batch (spec §2): which case and batch the records belong to.
public struct RosterHeader: Sendable, Hashable {
    public static let format = "tw.cec.petition-roster"
    public static let version = 1

    public let caseId: String
    public let caseTitle: String
    public let stage: PetitionStage
    /// Electors at the most recent presidential election, as the petition system states it.
    public let electorate: Int
    public let batch: Batch
    public let leadName: String

    public struct Batch: Sendable, Hashable {
        public let number: Int
        public let downloadedAt: Timestamp
        public let signedFrom: CivilDate
        public let signedTo: CivilDate

        public init(number: Int, downloadedAt: Timestamp, signedFrom: CivilDate, signedTo: CivilDate) {
            self.number = number
            self.downloadedAt = downloadedAt
            self.signedFrom = signedFrom
            self.signedTo = signedTo
        }
    }

    public init(caseId: String, caseTitle: String, stage: PetitionStage, electorate: Int, batch: Batch, leadName: String) {
        self.caseId = caseId
        self.caseTitle = caseTitle
        self.stage = stage
        self.electorate = electorate
        self.batch = batch
        self.leadName = leadName
    }

    /// Reads the header line; a wrong format or version is told apart from a damaged header,
    /// so the user hears which one it is.
    public init(line: some Collection<UInt8>) throws(RosterPayloadError) {
        guard let object = JSONLine.object(line), object["type"]?.string == "header" else { throw .notARoster }
        guard let format = object["format"]?.string, format == Self.format else {
            throw .unknownFormat(object["format"]?.string ?? "—")
        }
        guard let version = object["version"]?.integer, version == Self.version else {
            throw .unsupportedVersion(object["version"]?.integer.map(String.init) ?? "—")
        }
        let batch = object["batch"]?.object
        guard let caseId = object["caseId"]?.string, !caseId.isEmpty else { throw .damagedHeader(field: "caseId") }
        guard let caseTitle = object["caseTitle"]?.string else { throw .damagedHeader(field: "caseTitle") }
        guard let stage = object["stage"]?.string.flatMap(PetitionStage.init(rawValue:)) else {
            throw .damagedHeader(field: "stage")
        }
        guard let electorate = object["electorate"]?.integer, electorate > 0 else { throw .damagedHeader(field: "electorate") }
        guard let number = batch?["number"]?.integer, number > 0 else { throw .damagedHeader(field: "batch.number") }
        guard let downloadedAt = batch?["downloadedAt"]?.string.flatMap({ Timestamp(rfc3339: $0) }) else {
            throw .damagedHeader(field: "batch.downloadedAt")
        }
        guard let signedFrom = batch?["signedFrom"]?.string.flatMap({ CivilDate(iso: $0) }) else {
            throw .damagedHeader(field: "batch.signedFrom")
        }
        guard let signedTo = batch?["signedTo"]?.string.flatMap({ CivilDate(iso: $0) }) else {
            throw .damagedHeader(field: "batch.signedTo")
        }
        guard let leadName = object["lead"]?.object?["name"]?.string else { throw .damagedHeader(field: "lead.name") }
        self.init(caseId: caseId, caseTitle: caseTitle, stage: stage, electorate: electorate,
                  batch: Batch(number: number, downloadedAt: downloadedAt, signedFrom: signedFrom, signedTo: signedTo),
                  leadName: leadName)
    }
}

/// 提案 (proposal) or 連署 (petition): the stage decides the legal threshold (spec §4).
public enum PetitionStage: String, Sendable, Hashable, CaseIterable, Codable {
    case proposal = "提案"
    case petition = "連署"

    /// Signers needed: 0.01% of the electorate for a proposal, 1.5% for a petition, rounded up.
    public func threshold(electorate: Int) -> Int {
        switch self {
        case .proposal: (electorate + 9_999) / 10_000
        case .petition: (electorate * 15 + 999) / 1_000
        }
    }
}

/// The last line of a batch: how many records came before it and the digest of every byte
/// before it (spec §2).
public struct RosterTrailer: Sendable, Hashable {
    public let records: Int
    /// Lower-case hex SHA-256.
    public let sha256: String

    public init(records: Int, sha256: String) {
        self.records = records
        self.sha256 = sha256
    }

    /// Nil when the line is not a trailer: the payload then has none (it was cut short).
    public init?(line: some Collection<UInt8>) {
        guard let object = JSONLine.object(line), object["type"]?.string == "trailer",
              let records = object["records"]?.integer, records >= 0, let sha256 = object["sha256"]?.string else { return nil }
        self.init(records: records, sha256: sha256.lowercased())
    }
}
