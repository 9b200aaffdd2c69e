import CivicCore

/// Usage errors in the user's language. ArgumentParser words its own (an option missing or
/// unknown, an extra argument) and the lines around every usage error in English; in a Chinese
/// locale they go out in Traditional Chinese, the options' names and the synopsis as they are.
/// What it does not know (the commands' own messages, already Chinese) passes through.
enum UsageErrorText {
    static func localized(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { chinese(line: String($0)) }
        return Terminal.text(UserMessage(zh: lines.joined(separator: "\n"), en: text))
    }

    static func chinese(line: String) -> String {
        if let rest = line.after("Error: ") { return "錯誤：" + chinese(reason: rest) }
        if let rest = line.after("Help:  ") { return "說明：" + rest }
        if let rest = line.after("Usage: ") { return "用法：" + rest }
        if let command = line.between("  See '", "' for more information.") { return "  詳見「\(command)」。" }
        return line
    }

    static func chinese(reason: String) -> String {
        if let option = reason.between("Missing expected argument '", "'") { return "缺少 \(option)。" }
        if let option = reason.between("Missing value for '", "'") { return "\(option) 後面要接一個值。" }
        if let rest = reason.after("Unknown option '"), let end = rest.range(of: "'. Did you mean '"),
           let suggestion = String(rest[end.upperBound...]).between("", "'?") {
            return "不認得的選項 \(rest[..<end.lowerBound])；是要用 \(suggestion) 嗎？"
        }
        if let option = reason.between("Unknown option '", "'") { return "不認得的選項 \(option)。" }
        if let value = reason.between("Unexpected argument '", "'") { return "多了一個參數「\(value)」。" }
        if let marker = reason.range(of: " unexpected arguments: '"), reason.hasSuffix("'") {
            let values = reason[marker.upperBound...].dropLast().replacingOccurrences(of: "', '", with: "」「")
            return "多了 \(reason[..<marker.lowerBound]) 個參數：「\(values)」。"
        }
        if let rest = reason.after("The value '"), let middle = rest.range(of: "' is invalid for '"),
           let end = rest[middle.upperBound...].firstIndex(of: "'") {
            let choices = rest[rest.index(after: end)...].after(". Please provide one of ").map { "；可用的值：" + $0.trimmingSuffix(".") } ?? ""
            return "「\(rest[..<middle.lowerBound])」不是 \(rest[middle.upperBound..<end]) 能用的值\(choices)。"
        }
        if reason == "Missing required subcommand." { return "請指定要做什麼（子命令）。" }
        return reason
    }
}

private extension StringProtocol {
    /// The rest of the string after `prefix`; nil when it does not start with it.
    func after(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    /// The text between `prefix` (at the start) and `suffix` (at the end); nil when it is not so framed.
    func between(_ prefix: String, _ suffix: String) -> String? {
        guard let rest = after(prefix), rest.hasSuffix(suffix) else { return nil }
        return String(rest.dropLast(suffix.count))
    }

    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : String(self)
    }
}
