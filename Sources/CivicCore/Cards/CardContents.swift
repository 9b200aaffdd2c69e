/// A certificate read from a card, with what it is for on that card.
public struct CardCertificate: Sendable, Hashable {
    public let role: CertificateRole
    public let certificate: CertificateInfo

    public init(role: CertificateRole, certificate: CertificateInfo) {
        self.role = role
        self.certificate = certificate
    }
}

/// Everything a card tells without a PIN: what it is and the certificates it holds, the holder's
/// first (signature, encryption or agency), then the issuing CA and the root.
public struct CardContents: Sendable, Hashable {
    public let kind: CardKind
    public let atr: [UInt8]
    /// Empty for a 健保卡 or an unknown card.
    public let certificates: [CardCertificate]

    public init(kind: CardKind, atr: [UInt8], certificates: [CardCertificate]) {
        self.kind = kind
        self.atr = atr
        self.certificates = certificates
    }

    public func certificate(_ role: CertificateRole) -> CertificateInfo? {
        certificates.first { $0.role == role }?.certificate
    }

    /// The certificate of the key that signs: the person's signing certificate or the agency's.
    public var signingCertificate: CertificateInfo? {
        certificate(.signature) ?? certificate(.agency)
    }

    /// The certificate that rosters and documents are encrypted to.
    public var encryptionCertificate: CertificateInfo? {
        certificate(.encryption) ?? certificate(.agency)
    }
}

/// Decides what a card is from what it answered: pure, so the rules are tested without a card.
public enum CardClassifier {
    /// A HiCOS card (its version file read `CHT V…`) from the certificates found in its store.
    /// An organisation's certificate (its subject names an `O` or an `organizationIdentifier`)
    /// makes an agency card; a person's certificates make a 自然人憑證; a store without the
    /// holder's certificates leaves the card unknown.
    public static func hiCOSCard(atr: [UInt8], store: [MOICALayout.Slot: CertificateInfo]) -> CardContents {
        let holderSlots: [MOICALayout.Slot] = [.signature, .encryption]
        let holder = holderSlots.compactMap { slot in store[slot].map { (slot, $0) } }
        guard !holder.isEmpty else { return CardContents(kind: .unknown, atr: atr, certificates: []) }
        let isAgency = holder.contains { isOrganisation($0.1) }
        var certificates: [CardCertificate] = []
        for (slot, certificate) in holder where !certificates.contains(where: { $0.certificate == certificate }) {
            let role: CertificateRole = switch slot {
            case .signature: isAgency ? .agency : .signature
            default: isAgency && store[.signature] == nil ? .agency : .encryption
            }
            certificates.append(CardCertificate(role: role, certificate: certificate))
        }
        if let issuer = store[.issuer] { certificates.append(CardCertificate(role: .issuer, certificate: issuer)) }
        if let root = store[.root] { certificates.append(CardCertificate(role: .root, certificate: root)) }
        return CardContents(kind: isAgency ? .agency : .naturalPerson, atr: atr, certificates: certificates)
    }

    /// What a certificate is for when no card slot says so (on a PKCS#11 token): a CA's is a
    /// root (self-issued) or an issuer, an organisation's is an agency's, else its key usage
    /// decides; nil when it allows neither signing nor decrypting keys.
    public static func role(of certificate: CertificateInfo) -> CertificateRole? {
        if certificate.isCA { return certificate.subject == certificate.issuer ? .root : .issuer }
        if isOrganisation(certificate) { return .agency }
        if certificate.maySign { return .signature }
        return certificate.mayDecryptKeys ? .encryption : nil
    }

    static func isOrganisation(_ certificate: CertificateInfo) -> Bool {
        certificate.subject.first("O") != nil || certificate.organizationIdentifier != nil
    }
}
