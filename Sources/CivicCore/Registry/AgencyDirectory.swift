import Foundation

/// The agency directory (`data/agencies.csv`: code,name,oid): what a registration's 機關代號 and
/// its card's OID are compared with. A mismatch is not a refusal but a 待審核 application.
public struct AgencyDirectory: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public let code: AgencyCode
        public let name: String
        public let oid: String
    }

    public let entries: [Entry]

    /// What the directory says of a code and OID.
    public enum Verdict: Sendable, Hashable {
        case matches(Entry)
        case unknownCode
        case oidMismatch(expected: String)
    }

    /// Parses UTF-8 CSV text: a header `code,name,oid`, then one agency per line; blank lines
    /// and a BOM are ignored; the same code twice is refused with its line.
    public init(csv text: String) throws(RegistryProblem) {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        guard let header = lines.first, header.replacingOccurrences(of: " ", with: "").lowercased() == "code,name,oid" else {
            throw Self.problem(line: 1, zh: "第一行應為 code,name,oid", en: "the first line must be code,name,oid")
        }
        var entries: [Entry] = []
        var seen = Set<String>()
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[1].isEmpty, !fields[2].isEmpty, let code = try? AgencyCode(fields[0]) else {
                throw Self.problem(line: index + 1, zh: "應為 五碼機關代號,機關名稱,OID", en: "expected a 5-digit code, a name and an OID")
            }
            guard seen.insert(code.value).inserted else {
                throw Self.problem(line: index + 1, zh: "機關代號 \(code) 重複", en: "agency code \(code) appears twice")
            }
            entries.append(Entry(code: code, name: fields[1], oid: fields[2]))
        }
        self.entries = entries
    }

    public func check(code: AgencyCode, oid: String) -> Verdict {
        guard let entry = entries.first(where: { $0.code == code }) else { return .unknownCode }
        return entry.oid == oid ? .matches(entry) : .oidMismatch(expected: entry.oid)
    }

    static func problem(line: Int, zh: String, en: String) -> RegistryProblem {
        .directory(UserMessage(zh: "機關名錄第 \(line) 行格式不正確：\(zh)。", en: "Agency directory line \(line) is malformed: \(en)."))
    }
}
