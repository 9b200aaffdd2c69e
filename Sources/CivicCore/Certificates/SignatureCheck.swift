import Foundation

/// What checking one detached CMS signature established, as facts: Core's rules (for example
/// the roster's record statuses) decide what the facts mean. CivicCrypto produces these.
public enum SignatureCheck: Sendable, Equatable {
    /// Not a DER CMS SignedData, or one without exactly one signer and its certificate.
    case malformed
    /// The signature does not verify over the content; the signer certificate when one was found.
    case badSignature(signer: CertificateInfo?)
    /// The signature verifies. `chainTrusted` says whether the signer certificate chains to a
    /// configured trust anchor, judged on signatures and CA constraints alone (not on dates).
    case verified(signer: CertificateInfo, chainTrusted: Bool)
}

/// A `SignatureCheck` reduced to what the roster's record rules read (spec §3): whether the
/// signature verifies and chains, and of the signer certificate only its validity period, key
/// usage and holder's name. Records are checked by the hundred thousand, and building the whole
/// `CertificateInfo` (names, serial, policies, fingerprint) would cost more than the rules.
public enum SignatureVerdict: Sendable, Equatable {
    case malformed
    case badSignature
    case verified(signer: SignerFacts, chainTrusted: Bool)

    /// The verdict a full check amounts to.
    public init(_ check: SignatureCheck) {
        switch check {
        case .malformed: self = .malformed
        case .badSignature: self = .badSignature
        case .verified(let signer, let chainTrusted): self = .verified(signer: SignerFacts(signer), chainTrusted: chainTrusted)
        }
    }
}

/// The facts about a signer certificate the roster rules decide on.
public struct SignerFacts: Sendable, Hashable {
    /// The holder's name (the subject's first CN), compared with the name the signer typed.
    public let commonName: String?
    public let notBefore: Date
    public let notAfter: Date
    /// `CertificateInfo.maySign`.
    public let maySign: Bool

    public init(commonName: String?, notBefore: Date, notAfter: Date, maySign: Bool) {
        self.commonName = commonName
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.maySign = maySign
    }

    public init(_ certificate: CertificateInfo) {
        self.init(commonName: certificate.commonName, notBefore: certificate.notBefore, notAfter: certificate.notAfter,
                  maySign: certificate.maySign)
    }

    /// `CertificateInfo.isValid(at:)`.
    public func isValid(at date: Date) -> Bool {
        notBefore <= date && date <= notAfter
    }
}

/// Checks detached CMS signatures; safe to call from many threads at once (records are
/// verified in parallel on all cores).
public protocol DetachedSignatureVerifying: Sendable {
    func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck
    /// The same check as `check`, reduced to the verdict the record rules read. Verifiers made
    /// for whole rosters answer it without building the signer's `CertificateInfo`.
    func verdict(signature: [UInt8], over content: [UInt8]) -> SignatureVerdict
}

extension DetachedSignatureVerifying {
    public func verdict(signature: [UInt8], over content: [UInt8]) -> SignatureVerdict {
        SignatureVerdict(check(signature: signature, over: content))
    }
}
