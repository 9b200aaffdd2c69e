import Foundation

/// The registry's typed fields, each checked the way the seed's forms check them: values of
/// these types are valid, so the rest of the area never re-checks text.
public struct AgencyCode: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Five ASCII digits (機關代號(五碼)).
    public let value: String

    public init(_ text: String) throws(RegistryProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .agencyCodeMissing }
        guard trimmed.utf8.count == 5, trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .agencyCodeMalformed
        }
        value = trimmed
    }

    public var description: String { value }
}

/// A certificate serial as offices register it: upper-case hex, no separators or leading zeros
/// beyond what `CertificateInfo.serialHex` writes (typed `11 00 …` or `0x…` is accepted).
public struct CertificateSerial: Sendable, Hashable, Codable, CustomStringConvertible {
    public let hex: String

    public init(_ text: String) throws(RegistryProblem) {
        var digits = text.uppercased().filter { $0 != " " && $0 != ":" && $0 != "-" }
        if digits.hasPrefix("0X") { digits.removeFirst(2) }
        guard !digits.isEmpty else { throw .serialMissing }
        guard digits.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { throw .serialMalformed }
        while digits.count > 2 && digits.hasPrefix("00") { digits.removeFirst(2) }
        hex = digits
    }

    public var description: String { hex }
}

/// A 身分證統一編號 accepted by the registry: a valid national ID number (PersonalID's rules).
public struct NationalID: Sendable, Hashable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws(RegistryProblem) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        switch PersonalID.check(trimmed) {
        case .failure(let problem): throw .personalID(problem)
        case .success(.nationalID): value = trimmed
        case .success: throw .personalID(.secondCharacter)
        }
    }

    public var description: String { value }
}

/// The administrator's contact details of the 請輸入下列欄位 form: 姓名, 電子信箱, 連絡電話 (範例：
/// (02)2701-3411), 分機, 備註.
public struct AdministratorContact: Sendable, Hashable, Codable {
    public let name: String
    public let email: String
    public let phone: String
    public let phoneExtension: String?
    public let notes: String?

    public init(name: String, email: String, phone: String, phoneExtension: String? = nil, notes: String? = nil) throws(RegistryProblem) {
        self.name = try Self.checkName(name)
        let email = email.trimmingCharacters(in: .whitespaces)
        guard !email.isEmpty else { throw .emailMissing }
        guard Self.isEmail(email) else { throw .emailMalformed }
        self.email = email
        self.phone = try Self.checkPhone(phone)
        let ext = phoneExtension?.trimmingCharacters(in: .whitespaces) ?? ""
        if ext.isEmpty {
            self.phoneExtension = nil
        } else {
            guard (1...6).contains(ext.count), ext.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw .extensionMalformed }
            self.phoneExtension = ext
        }
        let notes = notes?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        self.notes = notes.isEmpty ? nil : notes
    }

    /// A person's name: not blank, at most 40 characters.
    public static func checkName(_ text: String) throws(RegistryProblem) -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 40 else { throw .nameMissing }
        return name
    }

    /// A Taiwanese phone number as the form's example writes it: `(02)2701-3411`, an area code of
    /// 2–4 digits in brackets (or followed by `-`), then the number with an optional `-`, 9 or 10
    /// digits in all; or a
    /// mobile number `0912-345-678` / `0912345678`.
    public static func checkPhone(_ text: String) throws(RegistryProblem) -> String {
        let phone = text.trimmingCharacters(in: .whitespaces)
        guard !phone.isEmpty else { throw .phoneMissing }
        guard isPhone(phone) else { throw .phoneMalformed }
        return phone
    }

    static func isPhone(_ phone: String) -> Bool {
        let characters = Array(phone)
        guard characters.allSatisfy({ $0.isASCII && ($0.isNumber || "()-".contains($0)) }) else { return false }
        let digits = characters.filter(\.isNumber)
        if phone.hasPrefix("09") {
            return digits.count == 10 && !phone.contains("(")
        }
        var rest = Substring(phone)
        if rest.hasPrefix("(") {
            guard let close = rest.firstIndex(of: ")") else { return false }
            let area = rest[rest.index(after: rest.startIndex)..<close]
            guard (2...4).contains(area.count), area.hasPrefix("0"), area.allSatisfy(\.isNumber) else { return false }
            rest = rest[rest.index(after: close)...]
        } else {
            let parts = rest.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, (2...4).contains(parts[0].count), parts[0].hasPrefix("0"),
                  parts[0].allSatisfy(\.isNumber) else { return false }
            rest = parts[1]
        }
        let local = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(local.count), local.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return false }
        // Area code and number make 9 or 10 digits: (02)2701-3411, (049)234-5678, (0826)12345.
        return local.joined().count >= 5 && (9...10).contains(digits.count)
    }

    static func isEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, email.count <= 254,
              !email.contains(where: { $0.isWhitespace || "<>()[],;:\\\"".contains($0) }) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// `(02)2701-3411 分機 123`.
    public var phoneText: String {
        phoneExtension.map { "\(phone) 分機 \($0)" } ?? phone
    }
}
