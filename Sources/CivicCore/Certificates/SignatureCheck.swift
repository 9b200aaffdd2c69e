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

/// Checks detached CMS signatures; safe to call from many threads at once (records are
/// verified in parallel on all cores).
public protocol DetachedSignatureVerifying: Sendable {
    func check(signature: [UInt8], over content: [UInt8]) -> SignatureCheck
}
