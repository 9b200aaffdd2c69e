/// A case in the workspace as lists and status views show it: what it is, how far it has come
/// toward its threshold, and its batches. A purged case keeps exactly this (spec §6).
public struct RosterCase: Sendable, Equatable {
    public let caseId: String
    public let caseTitle: String
    public let stage: PetitionStage
    public let electorate: Int
    public let leadName: String
    public let counts: StatusCounts
    /// Valid signers per county or city (`County`), largest first.
    public let counties: [CountyCount]
    public let batches: [StoredBatch]
    /// When the personal data was deleted; nil while the records are kept.
    public let purgedAt: Timestamp?

    public init(caseId: String, caseTitle: String, stage: PetitionStage, electorate: Int, leadName: String,
                counts: StatusCounts, counties: [CountyCount], batches: [StoredBatch], purgedAt: Timestamp?) {
        self.caseId = caseId
        self.caseTitle = caseTitle
        self.stage = stage
        self.electorate = electorate
        self.leadName = leadName
        self.counts = counts
        self.counties = counties
        self.batches = batches
        self.purgedAt = purgedAt
    }

    public var threshold: Int { stage.threshold(electorate: electorate) }

    /// Only valid records count toward the threshold (spec §4).
    public var valid: Int { counts[.valid] }

    /// Valid records over the threshold (1 = reached; may exceed 1).
    public var progress: Double { Double(valid) / Double(max(threshold, 1)) }

    public var isPurged: Bool { purgedAt != nil }
}

public struct CountyCount: Sendable, Hashable {
    public let county: String
    public let count: Int

    public init(county: String, count: Int) {
        self.county = county
        self.count = count
    }
}
