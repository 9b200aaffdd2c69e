import CivicCore
import CivicServices
import Foundation

/// How the roster commands' results read on the terminal, in the locale's language.
enum RosterText {
    /// `有效 10、資料格式錯誤 1`: the statuses with records (every status when `everyStatus`).
    static func counts(_ counts: StatusCounts, everyStatus: Bool = false) -> String {
        let shown = counts.all.filter { everyStatus || $0.count > 0 }
        guard !shown.isEmpty else { return Terminal.text(UserMessage(zh: "沒有紀錄", en: "no records")) }
        return Terminal.text(UserMessage(zh: shown.map { "\($0.status.label.zh) \($0.count)" }.joined(separator: "、"),
                                         en: shown.map { "\($0.status.label.en) \($0.count)" }.joined(separator: ", ")))
    }

    static func percent(_ fraction: Double) -> String {
        String(format: "%.2f%%", fraction * 100)
    }

    static func progress(valid: Int, threshold: Int) -> String {
        let share = percent(Double(valid) / Double(max(threshold, 1)))
        return Terminal.text(UserMessage(zh: "本案有效 \(valid)／門檻 \(threshold)（\(share)）",
                                         en: "case valid \(valid) / threshold \(threshold) (\(share))"))
    }

    /// What `import` prints for one file.
    static func outcome(_ outcome: RosterImportWizard.FileOutcome, file: String) -> (lines: [String], isError: Bool) {
        switch outcome {
        case .imported(let batch):
            var lines = [Terminal.text(UserMessage(
                zh: "已匯入「\(file)」：案號 \(batch.caseId)，第 \(batch.batchNumber) 批，\(batch.records) 筆",
                en: "Imported “\(file)”: case \(batch.caseId), batch \(batch.batchNumber), \(batch.records) records"))]
            lines.append("  " + counts(batch.counts))
            var summary = progress(valid: batch.caseCounts[.valid], threshold: batch.threshold)
            if batch.newDuplicates > 0 {
                summary += Terminal.text(UserMessage(zh: "；新增重複 \(batch.newDuplicates) 筆", en: "; \(batch.newDuplicates) new duplicates"))
            }
            return (lines + ["  " + summary], false)
        case .alreadyImported(let batch):
            return ([Terminal.text(UserMessage(
                zh: "「\(file)」先前已匯入（案號 \(batch.caseId) 第 \(batch.number) 批，\(batch.importedAt.date.iso) 匯入），這次沒有任何變更。",
                en: "“\(file)” was imported before (case \(batch.caseId), batch \(batch.number), on \(batch.importedAt.date.iso)); nothing changed."))],
                    false)
        case .failed(let message):
            return ([Terminal.text(UserMessage(zh: "「\(file)」未匯入：\(message.zh)", en: "“\(file)” was not imported: \(message.en)"))], true)
        }
    }

    /// What `status` prints.
    static func status(_ rosterCase: RosterCase) -> [String] {
        var lines = [
            Terminal.text(UserMessage(zh: "案號 \(rosterCase.caseId)：\(rosterCase.caseTitle)", en: "Case \(rosterCase.caseId): \(rosterCase.caseTitle)")),
            "  " + Terminal.text(UserMessage(
                zh: "階段 \(rosterCase.stage.rawValue)，選舉人數 \(rosterCase.electorate)，門檻 \(rosterCase.threshold)",
                en: "stage \(rosterCase.stage.rawValue), electorate \(rosterCase.electorate), threshold \(rosterCase.threshold)")),
            "  " + progress(valid: rosterCase.valid, threshold: rosterCase.threshold),
        ]
        for batch in rosterCase.batches {
            lines.append("  " + Terminal.text(UserMessage(
                zh: "第 \(batch.number) 批：\(batch.file.name)，\(batch.records) 筆，簽署 \(batch.signedFrom.iso)～\(batch.signedTo.iso)，\(batch.importedAt.date.iso) 匯入",
                en: "batch \(batch.number): \(batch.file.name), \(batch.records) records, signed \(batch.signedFrom.iso) to \(batch.signedTo.iso), imported \(batch.importedAt.date.iso)")))
        }
        lines.append("  " + counts(rosterCase.counts, everyStatus: true))
        if let purgedAt = rosterCase.purgedAt {
            lines.append("  " + Terminal.text(UserMessage(zh: "個人資料已於 \(purgedAt.date.iso) 清除，只保留統計。",
                                                         en: "Personal data purged on \(purgedAt.date.iso); only statistics remain.")))
        }
        return lines
    }

    /// One line of `records`: the columns of the spreadsheet's 連署人名冊 sheet, tab-separated.
    static func record(_ row: RosterRecordRow, index: Int) -> String {
        let shown = SpreadsheetRecordRow(index: index, record: row, fullIDs: true)
        return [String(index), shown.signedAt, shown.id, shown.name, shown.birthDate, shown.address, String(row.batch),
                Terminal.text(row.status.label)].joined(separator: "\t")
    }

    /// What `pack` prints.
    static func packed(_ result: PackResult) -> [String] {
        let counts = result.manifest.counts
        return [
            Terminal.text(UserMessage(
                zh: "已打包案號 \(result.manifest.caseId)：有效 \(counts[.valid]) 筆，排除 \(counts.total - counts[.valid]) 筆。",
                en: "Packed case \(result.manifest.caseId): \(counts[.valid]) valid records, \(counts.total - counts[.valid]) excluded.")),
            "  " + Terminal.text(UserMessage(zh: "送件檔：\(result.archive.path)", en: "Submission: \(result.archive.path)")),
            "  " + Terminal.text(UserMessage(zh: "試算表：\(result.spreadsheet.path)", en: "Spreadsheet: \(result.spreadsheet.path)")),
            Terminal.text(RosterPackWizard.reminder),
        ]
    }
}

/// `import`'s running report on standard error: which file is under way, and on a terminal its
/// records and records per second on one line; each file's result when it is done.
final class ImportProgressLine {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var name = ""

    func show(_ event: RosterService.ImportEvent) {
        switch event {
        case .started(_, let file):
            name = file.lastPathComponent
            let line = Terminal.text(UserMessage(zh: "正在匯入「\(name)」…", en: "Importing “\(name)”…"))
            if isTerminal {
                FileHandle.standardError.write(Data(line.utf8))
            } else {
                Terminal.printError(line)
            }
        case .progressed(_, let progress) where isTerminal:
            let line = Terminal.text(UserMessage(
                zh: "正在匯入「\(name)」：\(progress.records) 筆（每秒 \(Int(progress.recordsPerSecond)) 筆）",
                en: "Importing “\(name)”: \(progress.records) records (\(Int(progress.recordsPerSecond))/s)"))
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
        case .progressed:
            break
        case .finished(_, let result):
            if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let (lines, isError) = RosterText.outcome(result.outcome, file: result.file.lastPathComponent)
            for line in lines {
                if isError { Terminal.printError(line) } else { Terminal.printNow(line) }
            }
        }
    }
}

/// `status --json`.
struct CaseStatusJSON: Encodable {
    let caseId: String
    let caseTitle: String
    let stage: String
    let electorate: Int
    let threshold: Int
    let valid: Int
    let batches: [Batch]
    let counts: StatusCounts
    /// When the personal data was purged (the case keeps its statistics); null before.
    let purgedAt: String?

    struct Batch: Encodable {
        let number: Int
        let file: String
        let sha256: String
        let records: Int
        let downloadedAt: String
        let signedFrom: String
        let signedTo: String
        let importedAt: String
    }

    init(_ rosterCase: RosterCase) {
        caseId = rosterCase.caseId
        caseTitle = rosterCase.caseTitle
        stage = rosterCase.stage.rawValue
        electorate = rosterCase.electorate
        threshold = rosterCase.threshold
        valid = rosterCase.valid
        batches = rosterCase.batches.map {
            Batch(number: $0.number, file: $0.file.name, sha256: $0.file.sha256, records: $0.records, downloadedAt: $0.downloadedAt.rfc3339,
                  signedFrom: $0.signedFrom.iso, signedTo: $0.signedTo.iso, importedAt: $0.importedAt.rfc3339)
        }
        counts = rosterCase.counts
        purgedAt = rosterCase.purgedAt?.rfc3339
    }

    enum CodingKeys: String, CodingKey {
        case caseId, caseTitle, stage, electorate, threshold, valid, batches, counts, purgedAt
    }

    /// `purgedAt` is written as null rather than left out, so the shape never changes.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(caseId, forKey: .caseId)
        try container.encode(caseTitle, forKey: .caseTitle)
        try container.encode(stage, forKey: .stage)
        try container.encode(electorate, forKey: .electorate)
        try container.encode(threshold, forKey: .threshold)
        try container.encode(valid, forKey: .valid)
        try container.encode(batches, forKey: .batches)
        try container.encode(counts, forKey: .counts)
        try container.encode(purgedAt, forKey: .purgedAt)
    }
}

/// One record of `records --json`; fields a malformed record lacks are null.
struct RecordJSON: Encodable {
    let row: RosterRecordRow

    init(_ row: RosterRecordRow) {
        self.row = row
    }

    enum CodingKeys: String, CodingKey {
        case batch, seq, status, signedAt, id, name, birthDate, address
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(row.batch, forKey: .batch)
        try container.encode(row.seq, forKey: .seq)
        try container.encode(row.status.rawValue, forKey: .status)
        try container.encode(row.signedAt?.rfc3339, forKey: .signedAt)
        try container.encode(row.id, forKey: .id)
        try container.encode(row.name, forKey: .name)
        try container.encode(row.birthDate?.iso, forKey: .birthDate)
        try container.encode(row.address, forKey: .address)
    }
}
