import CivicCore
import CivicCrypto
import CPKCS11

/// A private key on a logged-in token: Core's `PrivateKeyOperations`, so CMS code signs and
/// unwraps through it without ever seeing the key.
///
/// Signing hashes on the computer and has the token sign a DigestInfo with CKM_RSA_PKCS, which
/// every RSA card supports (CKM_SHA256_RSA_PKCS is missing from some card modules) and lets
/// large content be hashed as a stream here.
public final class TokenKey: PrivateKeyOperations {
    public let certificate: CertificateInfo
    private let login: TokenLogin
    let handle: CK_OBJECT_HANDLE

    /// DER of DigestInfo { AlgorithmIdentifier sha256 NULL, OCTET STRING (32 bytes) } before the hash.
    static let sha256DigestInfoPrefix: [UInt8] = [
        0x30, 0x31, 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
    ]

    init(login: TokenLogin, handle: CK_OBJECT_HANDLE, certificate: CertificateInfo) {
        self.login = login
        self.handle = handle
        self.certificate = certificate
    }

    public func signSHA256(_ message: [UInt8]) throws -> [UInt8] {
        try sign(digest: Digest.sha256(message))
    }

    /// Signs a SHA-256 digest computed elsewhere (streamed over a large file, for example).
    public func sign(digest: [UInt8]) throws(TokenError) -> [UInt8] {
        precondition(digest.count == 32, "a SHA-256 digest has 32 bytes")
        return try login.withSession { session throws(TokenError) in
            try session.run(.sign, mechanism: .rsaPKCS, key: handle, input: Self.sha256DigestInfoPrefix + digest)
        }
    }

    /// PKCS#1 v1.5 and OAEP decrypt on the token. When the token cannot do OAEP with SHA-256
    /// (SoftHSM2 2.6, many cards), the token decrypts raw RSA and the OAEP padding is removed here.
    public func decrypt(_ ciphertext: [UInt8], padding: RSAPadding) throws -> [UInt8] {
        let mechanism: PKCS11Mechanism = switch padding {
        case .pkcs1v15: .rsaPKCS
        case .oaep(let hash): .rsaOAEP(hash)
        }
        return try login.withSession { session throws(TokenError) in
            do throws(TokenError) {
                return try session.run(.decrypt, mechanism: mechanism, key: handle, input: ciphertext)
            } catch .mechanismUnsupported where padding == .oaep(.sha256) {
                let block = try session.run(.decrypt, mechanism: .rsaRaw, key: handle, input: ciphertext)
                guard let message = OAEPDecoding.message(from: block, modulusLength: ciphertext.count) else {
                    throw .decryptionFailed
                }
                return message
            }
        }
    }
}
