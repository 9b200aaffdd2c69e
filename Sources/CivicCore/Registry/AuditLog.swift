/// One change in the registry's audit log: what was done, by which certificates, to what, and
/// the SHA-256 of the entry before it. The acting card signs `canonicalBytes`, so a row changed,
/// removed or reordered outside CivicDesk breaks either a signature or a link.
public struct AuditEntry: Sendable, Hashable {
    /// 1, 2, 3 … without gaps.
    public let sequence: Int
    /// RFC 3339 with offset (`2026-12-06T17:25:48+08:00`).
    public let time: String
    /// `registry.register`, `registry.clerk.add`, …
    public let action: String
    /// The acting certificates as `role:serial` (`agency:3300000000000001`, `administrator:…`).
    public let actors: [String]
    /// The changed data as JSON text, stored and signed as is.
    public let data: String
    /// Lower-case hex SHA-256 of the previous entry (`AuditChain.digest`); 64 zeros for the first.
    public let previousSHA256: String

    public init(sequence: Int, time: String, action: String, actors: [String], data: String, previousSHA256: String) {
        self.sequence = sequence
        self.time = time
        self.action = action
        self.actors = actors
        self.data = data
        self.previousSHA256 = previousSHA256
    }

    /// The bytes the card signs: a version line, then each field as `name length:value` on its
    /// own line, so no value can be read as another field whatever it contains.
    public var canonicalBytes: [UInt8] {
        var text = "civicdesk-audit-v1\n"
        for (name, value) in [("sequence", String(sequence)), ("time", time), ("action", action),
                              ("actors", actors.joined(separator: ",")), ("data", data), ("previous", previousSHA256)] {
            text += "\(name) \(value.utf8.count):\(value)\n"
        }
        return Array(text.utf8)
    }
}

/// An entry as stored: the content, the CMS signature over `canonicalBytes`, and the DER of the
/// certificate that signed it.
public struct SignedAuditEntry: Sendable, Hashable {
    public let entry: AuditEntry
    public let signature: [UInt8]
    public let signerCertificate: [UInt8]

    public init(entry: AuditEntry, signature: [UInt8], signerCertificate: [UInt8]) {
        self.entry = entry
        self.signature = signature
        self.signerCertificate = signerCertificate
    }
}

/// The audit log's hash chain: how an entry's digest is made, and the check of a whole log.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over the entry's canonical bytes followed by its signature: the next entry's
    /// `previousSHA256`.
    public static func digest(of signed: SignedAuditEntry, using digest: some SHA256Digesting) -> String {
        var digest = digest
        digest.update(signed.entry.canonicalBytes)
        digest.update(signed.signature)
        return digest.finishHex()
    }

    /// What checking the log found.
    public enum Verification: Sendable, Hashable {
        case intact(entries: Int)
        case broken(sequence: Int, Break)
        /// Every entry holds, but these registry tables are not what the entries amount to
        /// (`AuditReplay`): they were changed outside CivicDesk.
        case tablesDiffer([String])
    }

    public enum Break: Sendable, Hashable {
        /// Entries before this one are missing (a row deleted).
        case missingBefore(expected: Int)
        /// `previousSHA256` is not the previous entry's digest (a row changed or deleted before it).
        case linkBroken
        /// The signature does not verify over the entry (the row was changed).
        case signatureInvalid
        /// The signature verifies but not by the stored certificate, or not to a trusted CA.
        case signerMismatch

        public var message: UserMessage {
            switch self {
            case .missingBefore(let expected):
                UserMessage(zh: "之前應為第 \(expected) 筆，紀錄遭刪除", en: "entry \(expected) before it was deleted")
            case .linkBroken:
                UserMessage(zh: "與前一筆的 SHA-256 不相連（前一筆遭修改或刪除）",
                            en: "its link to the previous entry is broken (that entry was changed or deleted)")
            case .signatureInvalid:
                UserMessage(zh: "簽章與內容不符（內容遭修改）", en: "the signature does not match its content (it was changed)")
            case .signerMismatch:
                UserMessage(zh: "簽章者不是紀錄所載的憑證，或不受信任", en: "it was not signed by its recorded, trusted certificate")
            }
        }
    }

    /// Checks `entries` (in stored order) link by link and signature by signature; the first
    /// broken entry is named.
    public static func verify(_ entries: [SignedAuditEntry], makeDigest: () -> any SHA256Digesting,
                              verifier: any DetachedSignatureVerifying) -> Verification {
        var previous = genesis
        for (index, signed) in entries.enumerated() {
            let sequence = signed.entry.sequence
            if sequence != index + 1 { return .broken(sequence: sequence, .missingBefore(expected: index + 1)) }
            if signed.entry.previousSHA256 != previous { return .broken(sequence: sequence, .linkBroken) }
            switch verifier.check(signature: signed.signature, over: signed.entry.canonicalBytes) {
            case .malformed, .badSignature:
                return .broken(sequence: sequence, .signatureInvalid)
            case .verified(let signer, let chainTrusted):
                if signer.der != signed.signerCertificate || !chainTrusted { return .broken(sequence: sequence, .signerMismatch) }
            }
            previous = digest(of: signed, using: makeDigest())
        }
        return .intact(entries: entries.count)
    }
}

extension AuditChain.Verification {
    public var message: UserMessage {
        switch self {
        case .intact(let count):
            UserMessage(zh: "稽核紀錄完整：共 \(count) 筆，每筆的簽章與前後連結皆正確。",
                        en: "The audit log is intact: \(count) entries, every signature and link verified.")
        case .broken(let sequence, let reason):
            UserMessage(zh: "稽核紀錄第 \(sequence) 筆有誤：\(reason.message.zh)。",
                        en: "Audit log entry \(sequence) is broken: \(reason.message.en).")
        case .tablesDiffer(let tables):
            UserMessage(zh: "稽核紀錄完整，但註冊資料（\(tables.joined(separator: "、"))）與稽核紀錄不符：資料在 CivicDesk 之外遭修改。",
                        en: "The audit log is intact, but the registry's data (\(tables.joined(separator: ", "))) differs from it: it was changed outside CivicDesk.")
        }
    }
}
