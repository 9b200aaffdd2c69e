/// The import's progress page in words and one fraction: which file of how many, how many
/// records so far in all files, how fast the current file goes, and the time since the PIN.
public struct ImportProgressDisplay: Sendable, Equatable {
    /// `第 2／3 個檔案：113002-連署-20240306.cec`.
    public let file: UserMessage
    /// Records checked and stored in this import, every file together.
    public let records: Int
    public let recordsPerSecond: Int
    public let elapsed: Duration
    /// Over all files; within a file estimated from the bytes decrypted against the file's size.
    public let fraction: Double

    /// `已處理 1,234 筆・每秒 2,345 筆・已用 0:05`.
    public var detail: UserMessage {
        let (records, rate, clock) = (NumberText.grouped(records), NumberText.grouped(recordsPerSecond), NumberText.clock(elapsed))
        return UserMessage(zh: "已處理 \(records) 筆・每秒 \(rate) 筆・已用 \(clock)",
                           en: "\(records) records · \(rate) records/s · \(clock) elapsed")
    }
}

extension RosterImportWizard {
    /// The progress page at `elapsed` since the import started; nil outside the progress step.
    public func progressDisplay(elapsed: Duration) -> ImportProgressDisplay? {
        guard step == .progress, let progress, !files.isEmpty else { return nil }
        let index = min(progress.fileIndex, files.count - 1)
        let file = files[index]
        let current = progress.current
        let finished = files.reduce(0) { sum, chosen in
            if case .imported(let outcome) = outcomes[chosen.path] { sum + outcome.records } else { sum }
        }
        let currentDone = outcomes[file.path] == nil ? current?.records ?? 0 : 0
        var within = 0.0
        if outcomes[file.path] != nil {
            within = 1
        } else if let current, file.size > 0 {
            within = min(Double(current.bytes) / Double(file.size), 0.99)
        }
        let position = UserMessage(zh: "第 \(index + 1)／\(files.count) 個檔案：\(file.name)",
                                   en: "File \(index + 1) of \(files.count): \(file.name)")
        return ImportProgressDisplay(file: position, records: finished + currentDone,
                                     recordsPerSecond: Int(current?.recordsPerSecond ?? 0), elapsed: elapsed,
                                     fraction: (Double(index) + within) / Double(files.count))
    }
}
