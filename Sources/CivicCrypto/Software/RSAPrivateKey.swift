import CivicCore
import COpenSSL

/// An RSA private key in memory (an OpenSSL `EVP_PKEY*`). Only for software keys: tests,
/// fixtures, the benchmark's generator and the demo. Real keys stay on cards. Immutable and
/// safe to use from several threads (each operation makes its own context).
public final class RSAPrivateKey: @unchecked Sendable {
    let pointer: OpaquePointer

    private init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// A new key (2048 bits and the public exponent 65537 unless told otherwise). Takes tens of
    /// milliseconds: reuse keys.
    public static func generate(bits: Int = 2048, publicExponent: UInt = 65537) throws -> RSAPrivateKey {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, OpenSSLContext.cString("RSA"), nil),
              let exponent = BN_new() else { throw SoftwareKeyError.failed("RSA key generation") }
        defer {
            EVP_PKEY_CTX_free(context)
            BN_free(exponent)
        }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, EVP_PKEY_CTX_set_rsa_keygen_bits(context, Int32(bits)) == 1,
              BN_set_word(exponent, publicExponent) == 1, EVP_PKEY_CTX_set1_rsa_keygen_pubexp(context, exponent) == 1,
              EVP_PKEY_generate(context, &key) == 1, let key else {
            throw SoftwareKeyError.failed("RSA key generation")
        }
        return RSAPrivateKey(owning: key)
    }

    /// A private key from PEM (PKCS#8 `PRIVATE KEY` or `RSA PRIVATE KEY`, unencrypted).
    public init(pem: String) throws {
        let key = MemoryBIO.reading(Array(pem.utf8)) { PEM_read_bio_PrivateKey($0, nil, nil, nil) }
        guard let key, EVP_PKEY_is_a(key, "RSA") == 1 else {
            if let key { EVP_PKEY_free(key) }
            ERR_clear_error()
            throw SoftwareKeyError.notAPrivateKey
        }
        pointer = key
    }

    /// The key as unencrypted PKCS#8 PEM, for writing test fixtures.
    public var pem: String {
        String(decoding: MemoryBIO.writing { PEM_write_bio_PrivateKey($0, pointer, nil, nil, 0, nil, nil) == 1 }, as: UTF8.self)
    }

    /// True when `certificate` carries this key's public half.
    public func matches(_ certificate: CertificateInfo) -> Bool {
        guard let parsed = OpenSSLCertificate(der: certificate.der) else { return false }
        return withExtendedLifetime(parsed) { X509_get0_pubkey(parsed.pointer).map { EVP_PKEY_eq($0, pointer) == 1 } ?? false }
    }

    /// RSA decryption of a key-transport block.
    public func decrypt(_ ciphertext: [UInt8], padding: RSAPadding) throws -> [UInt8] {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pointer, nil) else { throw SoftwareKeyError.failed("RSA decryption") }
        defer { EVP_PKEY_CTX_free(context) }
        var ready = EVP_PKEY_decrypt_init(context) == 1
        switch padding {
        case .pkcs1v15:
            ready = ready && EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PADDING) == 1
        case let .oaep(hash):
            let digest = hash == .sha1 ? EVP_sha1() : EVP_sha256()
            ready = ready && EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) == 1
                && EVP_PKEY_CTX_set_rsa_oaep_md(context, digest) == 1 && EVP_PKEY_CTX_set_rsa_mgf1_md(context, digest) == 1
        }
        var length = 0
        ready = ready && EVP_PKEY_decrypt(context, nil, &length, ciphertext, ciphertext.count) == 1
        var plaintext = [UInt8](repeating: 0, count: length)
        guard ready, EVP_PKEY_decrypt(context, &plaintext, &length, ciphertext, ciphertext.count) == 1 else {
            ERR_clear_error()
            throw SoftwareKeyError.failed("RSA decryption")
        }
        return Array(plaintext.prefix(length))
    }

    /// An RSA PKCS#1 v1.5 signature with SHA-256 over `message`.
    public func signSHA256(_ message: [UInt8]) throws -> [UInt8] {
        guard let context = EVP_MD_CTX_new() else { throw SoftwareKeyError.failed("RSA signing") }
        defer { EVP_MD_CTX_free(context) }
        var length = 0
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, pointer) == 1,
              EVP_DigestSign(context, nil, &length, message, message.count) == 1 else {
            ERR_clear_error()
            throw SoftwareKeyError.failed("RSA signing")
        }
        var signature = [UInt8](repeating: 0, count: length)
        guard EVP_DigestSign(context, &signature, &length, message, message.count) == 1 else {
            ERR_clear_error()
            throw SoftwareKeyError.failed("RSA signing")
        }
        return Array(signature.prefix(length))
    }
}
