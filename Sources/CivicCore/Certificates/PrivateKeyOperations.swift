/// RSA padding for decrypting a CMS key-transport block.
public enum RSAPadding: Sendable, Equatable {
    case pkcs1v15
    case oaep(OAEPHash)

    public enum OAEPHash: Sendable, Equatable {
        case sha1, sha256
    }
}

/// A private key that never leaves its card or token: what CMS needs of it. CivicCard
/// implements it over PKCS#11 (after the PIN); CivicCrypto calls it to unwrap a content key
/// or to sign, and never sees the key.
public protocol PrivateKeyOperations: Sendable {
    /// The certificate of this key, so CMS can name the signer or find its recipient entry.
    var certificate: CertificateInfo { get }

    /// RSA-decrypts a key-transport block (the wrapped content-encryption key).
    func decrypt(_ ciphertext: [UInt8], padding: RSAPadding) throws -> [UInt8]

    /// An RSA PKCS#1 v1.5 signature with SHA-256 over `message`.
    func signSHA256(_ message: [UInt8]) throws -> [UInt8]
}
