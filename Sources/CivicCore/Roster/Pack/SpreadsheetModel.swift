/// One row of the 連署人名冊 sheet of `連署.xlsx` (spec §5), as the lead person reads it.
///
/// Dates are shown as users already see them: 連署時間 as the petition system's own record query
/// shows it (`2024/03/05 15:05:31`, the signer's local time), 出生年月日 in the 民國 form of ID
/// cards and forms (`069/01/31`). Both are text, so they read the same in every spreadsheet
/// program and still sort correctly.
public struct SpreadsheetRecordRow: Sendable, Hashable {
    public static let headers = ["項次", "連署時間", "身分證統一編號", "姓名", "出生年月日", "戶籍地址", "批次", "狀態"]

    /// 項次: 1, 2, … over the whole sheet.
    public let index: Int
    public let signedAt: String
    /// The first six characters and `****`, unless full IDs were asked for.
    public let id: String
    public let name: String
    public let birthDate: String
    public let address: String
    public let batch: Int
    public let status: String

    public init(index: Int, record: RosterRecordRow, fullIDs: Bool) {
        self.index = index
        signedAt = record.signedAt.map(Self.signingTime) ?? ""
        id = record.id.map { fullIDs ? $0 : PersonalID.masked($0) } ?? ""
        name = record.name ?? ""
        birthDate = record.birthDate.map { ROCDate.short($0) ?? $0.iso } ?? ""
        address = record.address ?? ""
        batch = record.batch
        status = record.status.label.zh
    }

    /// `2024/03/05 15:05:31`.
    static func signingTime(_ time: Timestamp) -> String {
        "\(CivilDate.pad(time.date.year, 4))/\(CivilDate.pad(time.date.month, 2))/\(CivilDate.pad(time.date.day, 2)) \(time.clock)"
    }
}

/// The 統計 sheet: the count of each status, the threshold, valid count and progress, and valid
/// signers per county or city.
public struct SpreadsheetStatistics: Sendable, Hashable {
    public static let sheetName = "統計"
    public let statusCounts: [StatusLine]
    public let threshold: Int
    public let valid: Int
    /// Valid over threshold, as a fraction (shown as a percentage).
    public let progress: Double
    public let counties: [CountyCount]

    public struct StatusLine: Sendable, Hashable {
        /// The status as shown (有效, 重複連署, …) and its name in the spec (`duplicate`).
        public let label: String
        public let status: String
        public let count: Int
    }

    public init(rosterCase: RosterCase) {
        statusCounts = rosterCase.counts.all.map { StatusLine(label: $0.status.label.zh, status: $0.status.rawValue, count: $0.count) }
        threshold = rosterCase.threshold
        valid = rosterCase.valid
        progress = rosterCase.progress
        counties = rosterCase.counties
    }
}

/// The names of what packing writes (spec §5).
public enum SubmissionPackage {
    public static let archiveName = "連署(送件用).zip"
    public static let spreadsheetName = "連署.xlsx"
    public static let recordsSheetName = "連署人名冊"
    /// The archive's entries, in the order they are stored.
    public static let manifestEntry = "manifest.json"
    public static let recordsEntry = "records.jsonl"
    public static let excludedEntry = "excluded.jsonl"
    public static let signatureEntry = "manifest.json.p7s"
}
