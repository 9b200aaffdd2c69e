import CivicCore

/// Why 公文製作 refused a request, in words for the user.
public enum DocumentServiceError: UserFacingError, Equatable {
    case unknownTemplate(String, available: [String], folder: String)
    case badSetting(String)
    /// The letter is not valid; one line per problem.
    case invalid([String])
    case unreadable(path: String)
    /// A sign-off rule refused the step.
    case refused(UserMessage)
    case wordOnlyAtDispatch
    /// The letter changed after this step was signed, so the export carries no signature.
    case changedSinceSigned(SignOffStep)

    public var message: UserMessage {
        switch self {
        case let .unknownTemplate(name, available, folder):
            UserMessage(zh: "沒有名為「\(name)」的範本（\(folder)）；可用：\(available.joined(separator: "、"))。",
                        en: "There is no template \(name) (\(folder)); available: \(available.joined(separator: ", ")).")
        case let .badSetting(field):
            UserMessage(zh: "「\(field)」不是可設定的欄位；請寫成 欄位=值，例如 subject=… 或 contact.clerk=…。",
                        en: "\(field) is not a field that can be set; write FIELD=VALUE, e.g. subject=… or contact.clerk=….")
        case let .invalid(lines):
            UserMessage(zh: "公文有 \(lines.count) 個問題：\n" + lines.joined(separator: "\n"),
                        en: "The letter has \(lines.count) problem(s):\n" + lines.joined(separator: "\n"))
        case let .unreadable(path):
            UserMessage(zh: "無法讀取「\(path)」。", en: "\(path) cannot be read.")
        case let .refused(reason):
            reason
        case .wordOnlyAtDispatch:
            UserMessage(zh: "--word（發文字號的「字」）只在發文（--step dispatch）時指定。",
                        en: "--word (the number's 字) is given only at dispatch (--step dispatch).")
        case let .changedSinceSigned(step):
            UserMessage(zh: "公文在「\(step.label.zh)」簽章之後修改過，匯出的檔案未附簽章（.p7s）。",
                        en: "The letter changed after its \(step.label.en) signature; the export carries no signature (.p7s).")
        }
    }
}
