/// The 連署紀錄查詢 form as typed, in the petition system's fields — 連署日期 from and to (民國
/// `113/03/01` or `2024-03-01`), 連署人身分證前6碼, 狀態 and 批次 — checked into a
/// `RecordFilter`, with what is wrong said field by field.
public struct RecordQueryForm: Sendable, Equatable {
    public var signedFrom = ""
    public var signedTo = ""
    public var idPrefix = ""
    /// Index into `statuses`: 0 is 全部.
    public var statusIndex = 0
    /// Index into `batchChoices`: 0 is 全部, then the case's batches in order.
    public var batchIndex = 0
    public let batches: [Int]

    public init(batches: [Int]) {
        self.batches = batches
    }

    public enum Field: Sendable, Hashable, CaseIterable {
        case signedFrom, signedTo, idPrefix
    }

    /// 全部, then every status of spec §3.
    public static let statuses: [RecordStatus?] = [nil] + RecordStatus.allCases

    public static let all = UserMessage(zh: "全部", en: "All")

    public static var statusChoices: [UserMessage] {
        statuses.map { $0?.label ?? all }
    }

    public var batchChoices: [UserMessage] {
        [Self.all] + batches.map { UserMessage(zh: "第 \($0) 批", en: "Batch \($0)") }
    }

    /// Empties every field (重填).
    public mutating func reset() {
        self = RecordQueryForm(batches: batches)
    }

    /// What is wrong with each field; empty when the form can be queried.
    public var problems: [Field: UserMessage] {
        var problems: [Field: UserMessage] = [:]
        let from = Self.date(signedFrom)
        let to = Self.date(signedTo)
        if case .failure(let message) = from { problems[.signedFrom] = message }
        if case .failure(let message) = to { problems[.signedTo] = message }
        if case .success(let start?) = from, case .success(let end?) = to, end < start {
            problems[.signedTo] = UserMessage(zh: "迄日早於起日，請調整連署日期。", en: "The end date is before the start date.")
        }
        if !idPrefix.trimmingSpaces().isEmpty {
            do {
                _ = try IDPrefix(idPrefix)
            } catch {
                problems[.idPrefix] = error.message
            }
        }
        return problems
    }

    /// The filter to query with; nil while a field is wrong.
    public var filter: RecordFilter? {
        guard problems.isEmpty, case .success(let from) = Self.date(signedFrom), case .success(let to) = Self.date(signedTo) else {
            return nil
        }
        let status = Self.statuses.indices.contains(statusIndex) ? Self.statuses[statusIndex] : nil
        let batch = batchIndex > 0 && batchIndex <= batches.count ? batches[batchIndex - 1] : nil
        let prefix = idPrefix.trimmingSpaces().isEmpty ? nil : try? IDPrefix(idPrefix)
        return RecordFilter(signedFrom: from, signedTo: to, idPrefix: prefix, status: status, batch: batch)
    }

    /// `共 3,600 筆`, as the petition system counts its results.
    public static func count(_ records: Int) -> UserMessage {
        UserMessage(zh: "共 \(NumberText.grouped(records)) 筆", en: "\(NumberText.grouped(records)) records")
    }

    private enum DateField {
        case success(CivilDate?)
        case failure(UserMessage)
    }

    /// An empty field does not filter; else a 民國 or ISO date.
    private static func date(_ text: String) -> DateField {
        let typed = text.trimmingSpaces()
        guard !typed.isEmpty else { return .success(nil) }
        guard let date = CivilDate(iso: typed) ?? ROCDate.parse(typed) else {
            return .failure(UserMessage(zh: "「\(typed)」不是日期，請寫成 113/03/01 或 2024-03-01。",
                                        en: "“\(typed)” is not a date; write it as 113/03/01 or 2024-03-01."))
        }
        return .success(date)
    }
}
