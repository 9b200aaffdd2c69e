import Foundation

/// One certificate of a card as the readers page shows it and as its copy button puts it on the
/// clipboard: labelled fields in the user's words (中華民國 dates, key usages by name, the
/// fingerprint in byte pairs), the badge, and the PEM.
public struct CertificateSummary: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public let label: UserMessage
        public let value: UserMessage
    }

    public let role: CertificateRole
    /// The holder's name (CN), else the whole subject.
    public let name: String
    public let badge: CertificateBadge
    public let fields: [Field]
    public let pem: String

    public init(_ entry: CardCertificate, trust: CertificateTrust, now: Date) {
        let certificate = entry.certificate
        role = entry.role
        name = certificate.commonName ?? certificate.subject.rfc4514
        badge = CertificateBadge.of(certificate, trust: trust, now: now)
        pem = certificate.pem
        fields = [
            Field(label: entry.role.isAuthority ? UserMessage(zh: "名稱", en: "Name") : UserMessage(zh: "持有人", en: "Holder"),
                  value: UserMessage(verbatim: name)),
        ] + (entry.role == .agency ? Self.agencyFields(certificate) : []) + [
            Field(label: UserMessage(zh: "主體", en: "Subject"), value: UserMessage(verbatim: certificate.subject.rfc4514)),
            Field(label: UserMessage(zh: "簽發者", en: "Issuer"), value: UserMessage(verbatim: certificate.issuer.rfc4514)),
            Field(label: UserMessage(zh: "序號", en: "Serial number"), value: UserMessage(verbatim: certificate.serialHex)),
            Field(label: UserMessage(zh: "有效期間", en: "Valid"), value: Self.validity(certificate)),
            Field(label: UserMessage(zh: "金鑰用途", en: "Key usage"), value: Self.usage(certificate.keyUsage)),
            Field(label: UserMessage(zh: "SHA-256 指紋", en: "SHA-256 fingerprint"),
                  value: UserMessage(verbatim: Self.fingerprint(certificate.sha256))),
        ]
    }

    /// The text the copy button puts on the clipboard: the role and name, each field on its own
    /// line, the badge, then the PEM so the certificate itself can be pasted into a form.
    /// `localize` gives a message in the user's language.
    public func copyText(_ localize: (UserMessage) -> String) -> String {
        let colon = localize(UserMessage(zh: "：", en: ": "))
        var lines = [localize(role.name) + colon + name]
        lines += fields.map { localize($0.label) + colon + localize($0.value) }
        lines.append(localize(UserMessage(zh: "狀態", en: "Status")) + colon + localize(badge.message))
        return lines.joined(separator: "\n") + "\n\n" + pem
    }

    /// An agency certificate's kind, by its issuing CA, and its 機關(組織)OID, each when known.
    static func agencyFields(_ certificate: CertificateInfo) -> [Field] {
        var fields: [Field] = []
        if let kind = AgencyCertificateKind(issuer: certificate.issuer) {
            fields.append(Field(label: UserMessage(zh: "憑證種類", en: "Certificate kind"), value: kind.name))
        }
        if let oid = AgencyCertificate.agencyOID(of: certificate) {
            fields.append(Field(label: UserMessage(zh: "機關(組織)OID", en: "Agency OID"), value: UserMessage(verbatim: oid)))
        }
        return fields
    }

    /// `中華民國113年1月1日 至 中華民國133年12月31日`, days counted on Taiwan's clock.
    static func validity(_ certificate: CertificateInfo) -> UserMessage {
        let from = CivilDate(certificate.notBefore)
        let to = CivilDate(certificate.notAfter)
        let rocFrom = ROCDate.long(from) ?? from.iso
        let rocTo = ROCDate.long(to) ?? to.iso
        return UserMessage(zh: "\(rocFrom) 至 \(rocTo)", en: "\(from.iso) to \(to.iso)")
    }

    static func usage(_ keyUsage: KeyUsage?) -> UserMessage {
        guard let keyUsage else { return UserMessage(zh: "未限制", en: "Unrestricted") }
        let names: [(KeyUsage, String, String)] = [
            (.digitalSignature, "數位簽章", "Digital signature"), (.nonRepudiation, "不可否認", "Non-repudiation"),
            (.keyEncipherment, "金鑰加密", "Key encipherment"), (.dataEncipherment, "資料加密", "Data encipherment"),
            (.keyAgreement, "金鑰協議", "Key agreement"), (.keyCertSign, "簽發憑證", "Certificate signing"),
            (.cRLSign, "簽發廢止清冊", "CRL signing"),
        ]
        let set = names.filter { keyUsage.contains($0.0) }
        guard !set.isEmpty else { return UserMessage(zh: "無", en: "None") }
        return UserMessage(zh: set.map(\.1).joined(separator: "、"), en: set.map(\.2).joined(separator: ", "))
    }

    /// Upper-case byte pairs separated by spaces, which wrap cleanly and read aloud well.
    static func fingerprint(_ hex: String) -> String {
        var pairs: [String] = []
        var rest = Substring(hex.uppercased())
        while !rest.isEmpty {
            pairs.append(String(rest.prefix(2)))
            rest = rest.dropFirst(2)
        }
        return pairs.joined(separator: " ")
    }
}
