import COpenSSL

/// Process-wide OpenSSL objects made once and shared read-only by all threads.
enum OpenSSLContext {
    /// A library context holding only OpenSSL's `null` provider, for decoding the roster's
    /// record signatures quickly. OpenSSL 3.0 runs its provider decoders for every public key it
    /// decodes (about 200 µs per certificate on the test machine, many times an RSA
    /// verification); in this context no decoder exists, so certificates decode without their
    /// public key (OpenSSL treats that as non-fatal) and CivicCrypto builds the key itself
    /// (`OpenSSLPublicKey`). Only decoding is given this context (`ASN1_item_d2i_ex`), never a
    /// certificate or an operation: nothing could be hashed or verified in it.
    nonisolated(unsafe) static let withoutDecoders: OpaquePointer? = {
        guard let context = OSSL_LIB_CTX_new() else { return nil }
        // Loading any provider stops OpenSSL from loading the default one into the context.
        _ = OSSL_PROVIDER_load(context, "null")
        return context
    }()

    // Digests fetched once, so each use does not look them up again (immutable, shareable).
    nonisolated(unsafe) static let sha256 = EVP_MD_fetch(nil, "SHA2-256", nil)
    nonisolated(unsafe) static let sha384 = EVP_MD_fetch(nil, "SHA2-384", nil)
    nonisolated(unsafe) static let sha512 = EVP_MD_fetch(nil, "SHA2-512", nil)

    /// A C string that lives as long as the program, for OpenSSL calls that keep the pointer
    /// they are given (`EVP_PKEY_CTX_new_from_name`, `OSSL_PARAM_BLD_push_*`); Swift's
    /// temporary C strings end with the call.
    static func cString(_ text: StaticString) -> UnsafePointer<CChar> {
        UnsafeRawPointer(text.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// The digest of an RSA PKCS#1 v1.5 signature algorithm OID, or nil for others.
    static func digest(ofRSASignature oid: String) -> OpaquePointer? {
        switch oid {
        case "1.2.840.113549.1.1.11": sha256
        case "1.2.840.113549.1.1.12": sha384
        case "1.2.840.113549.1.1.13": sha512
        default: nil
        }
    }

    /// The fetched digest with this NID (SHA-256, -384 or -512), or nil.
    static func digest(nid: Int32) -> OpaquePointer? {
        switch nid {
        case NID_sha256: sha256
        case NID_sha384: sha384
        case NID_sha512: sha512
        default: nil
        }
    }

    /// True when an RSA PKCS#1 v1.5 `signature` over `message` verifies with `publicKey`.
    static func rsaVerifies(_ signature: [UInt8], over message: [UInt8], digest: OpaquePointer?, publicKey: OpaquePointer) -> Bool {
        guard let digest, let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        return EVP_DigestVerifyInit(context, nil, digest, nil, publicKey) == 1
            && EVP_DigestVerify(context, signature, signature.count, message, message.count) == 1
    }
}
