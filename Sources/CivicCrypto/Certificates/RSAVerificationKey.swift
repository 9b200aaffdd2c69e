import COpenSSL
import COpenSSLShim

/// RSA PKCS#1 v1.5 signature checks over a digest, on OpenSSL's big numbers (`civic_rsa_verify`
/// in the shim): the answer `RSA_verify` gives, without the per-key EVP set-up that costs OpenSSL
/// 3.0 more than a verification, nor `RSA_verify`'s own per-call set-up. A roster record's
/// signer key is checked once, straight from the numbers in its certificate (`verifies(_:…)`);
/// an anchor's key, checked for every record, is made once with its Montgomery values. Safe to
/// share between threads once made.
final class RSAVerificationKey: @unchecked Sendable {
    private let key: OpaquePointer

    /// The RSA key inside an OpenSSL public key (a trust anchor's); nil for other kinds.
    init?(publicKey: OpaquePointer) {
        guard EVP_PKEY_get_base_id(publicKey) == EVP_PKEY_RSA else { return nil }
        var modulus: OpaquePointer?
        var exponent: OpaquePointer?
        defer {
            BN_free(modulus)
            BN_free(exponent)
        }
        guard EVP_PKEY_get_bn_param(publicKey, OSSL_PKEY_PARAM_RSA_N, &modulus) == 1,
              EVP_PKEY_get_bn_param(publicKey, OSSL_PKEY_PARAM_RSA_E, &exponent) == 1,
              let modulus, let exponent, let made = civic_rsa_key_new(modulus, exponent) else {
            ERR_clear_error()
            return nil
        }
        key = made
    }

    deinit {
        civic_rsa_key_free(key)
    }

    /// True when `bytes[signature]` is this key's signature over a message with `digest`
    /// (SHA-256, -384 or -512 by NID).
    func verifies(_ bytes: [UInt8], signature: Range<Int>, digestNID: Int32, digest: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return civic_rsa_key_verify(key, digestNID, digest, digest.count, base + signature.lowerBound, signature.count) == 1
        }
    }

    /// True when `bytes[signature]` is a signature over a message with `digest` by the key with
    /// the big-endian numbers `bytes[modulus]` and `bytes[exponent]`, used this once.
    static func verifies(_ bytes: [UInt8], modulus: Range<Int>, exponent: Range<Int>, signature: Range<Int>,
                         digestNID: Int32, digest: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return civic_rsa_verify(base + modulus.lowerBound, modulus.count, base + exponent.lowerBound, exponent.count,
                                    digestNID, digest, digest.count, base + signature.lowerBound, signature.count) == 1
        }
    }
}
