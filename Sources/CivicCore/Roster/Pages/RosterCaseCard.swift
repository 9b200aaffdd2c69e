/// One case as the 連署名冊 area lists it: title and stage, valid signers against the threshold,
/// the batches, the count of every status, and, for a purged case, what was kept. Built from
/// `RosterCase`, so the list says exactly what `civicdesk roster status` says.
public struct RosterCaseCard: Sendable, Equatable {
    public let caseId: String
    public let title: String
    public let stage: PetitionStage
    /// `案號 113002・連署`.
    public let heading: UserMessage
    /// Valid signers against the threshold.
    public let progress: ThresholdProgress
    public let batches: [BatchLine]
    /// The batches' numbers, for the record query's 批次 choice.
    public let batchNumbers: [Int]
    /// Every status of spec §3 with its count, zero included.
    public let counts: [StatusLine]
    public let total: Int
    /// Valid signers per county or city, largest first.
    public let counties: [CountyCount]
    /// For a purged case: when, and that what is shown is the kept statistics.
    public let purgedNote: UserMessage?

    public struct BatchLine: Sendable, Equatable {
        /// `第 1 批`.
        public let title: UserMessage
        /// `113002-連署-20240302.cec・900 筆・連署 113/03/01～113/03/04・113/03/08 匯入`.
        public let details: UserMessage
    }

    public struct StatusLine: Sendable, Equatable {
        public let status: RecordStatus
        public let count: Int
    }

    public init(_ rosterCase: RosterCase) {
        caseId = rosterCase.caseId
        title = rosterCase.caseTitle
        stage = rosterCase.stage
        heading = UserMessage(zh: "案號 \(rosterCase.caseId)・\(rosterCase.stage.rawValue)",
                              en: "Case \(rosterCase.caseId) · \(rosterCase.stage == .petition ? "petition" : "proposal")")
        progress = ThresholdProgress(valid: rosterCase.valid, threshold: rosterCase.threshold)
        batches = rosterCase.batches.map(Self.line)
        batchNumbers = rosterCase.batches.map(\.number)
        counts = rosterCase.counts.all.map { StatusLine(status: $0.status, count: $0.count) }
        total = rosterCase.counts.total
        counties = rosterCase.counties
        purgedNote = rosterCase.purgedAt.map { purgedAt in
            let date = Self.date(purgedAt.date)
            return UserMessage(zh: "個人資料已於 \(date) 清除；以下為保留的統計。",
                               en: "Personal data purged on \(purgedAt.date.iso); what follows are the statistics kept.")
        }
    }

    public var isPurged: Bool { purgedNote != nil }
    /// Packing and the record query need the records, which a purge deleted.
    public var canPack: Bool { !isPurged && total > 0 }
    public var canQuery: Bool { !isPurged }

    /// The purge dialog's question and what it deletes and keeps (spec §6).
    public var purgeQuestion: UserMessage {
        UserMessage(zh: "刪除案號 \(caseId) 的個人資料？", en: "Delete case \(caseId)'s personal data?")
    }

    public var purgeExplanation: UserMessage {
        let records = NumberText.grouped(total)
        return UserMessage(
            zh: "將從工作區刪除 \(records) 筆連署紀錄：連署人的姓名、身分證統一編號、出生年月日、戶籍地址、簽章與解密後的名冊內容。\n\n"
                + "保留：各狀態筆數、各縣市有效連署人數、批次的日期與檔案雜湊，案件標示為已清除個人資料。\n\n"
                + "刪除後無法復原，也不能再查詢紀錄或打包；已打包的送件檔與試算表不受影響。",
            en: "The workspace's \(records) records of this case are deleted: the signers' names, ID numbers, birth dates, "
                + "addresses, signatures and the decrypted roster.\n\nKept: the count of each status, valid signers per county, "
                + "the batches' dates and file digests; the case is marked purged.\n\nThis cannot be undone, and the case can "
                + "no longer be queried or packed; files packed before are not touched.")
    }

    private static func line(_ batch: StoredBatch) -> BatchLine {
        let records = NumberText.grouped(batch.records)
        let (from, to, imported) = (date(batch.signedFrom), date(batch.signedTo), date(batch.importedAt.date))
        return BatchLine(
            title: UserMessage(zh: "第 \(batch.number) 批", en: "Batch \(batch.number)"),
            details: UserMessage(zh: "\(batch.file.name)・\(records) 筆・連署 \(from)～\(to)・\(imported) 匯入",
                                 en: "\(batch.file.name) · \(records) records · signed \(batch.signedFrom.iso) to \(batch.signedTo.iso) · imported \(batch.importedAt.date.iso)"))
    }

    /// `113/03/04`, the petition system's own form.
    static func date(_ date: CivilDate) -> String {
        ROCDate.short(date) ?? date.iso
    }
}
