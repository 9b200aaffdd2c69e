import COpenSSL
import COpenSSLShim

/// An RSA public key for PKCS#1 v1.5 signature checks, made straight from its modulus and
/// exponent (OpenSSL's `RSA_new`/`RSA_set0_key`) and checked with `RSA_verify` over a digest:
/// the function OpenSSL's EVP verification ends in, without the per-key EVP set-up that costs
/// OpenSSL 3.0 more than a verification (a fresh key per roster record, about 20 µs). Safe to
/// share between threads once made.
final class RSAVerificationKey: @unchecked Sendable {
    private let key: OpaquePointer

    /// The key with these big-endian numbers (`bytes[modulus]`, `bytes[exponent]`).
    init?(_ bytes: [UInt8], modulus: Range<Int>, exponent: Range<Int>) {
        let made = bytes.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            guard let base = buffer.baseAddress else { return nil }
            return civic_rsa_key_new(base + modulus.lowerBound, modulus.count, base + exponent.lowerBound, exponent.count)
        }
        guard let made else { return nil }
        key = made
    }

    /// The RSA key inside an OpenSSL public key (a trust anchor's); nil for other kinds.
    convenience init?(publicKey: OpaquePointer) {
        guard EVP_PKEY_get_base_id(publicKey) == EVP_PKEY_RSA else { return nil }
        var modulus: OpaquePointer?
        var exponent: OpaquePointer?
        defer {
            BN_free(modulus)
            BN_free(exponent)
        }
        guard EVP_PKEY_get_bn_param(publicKey, OSSL_PKEY_PARAM_RSA_N, &modulus) == 1,
              EVP_PKEY_get_bn_param(publicKey, OSSL_PKEY_PARAM_RSA_E, &exponent) == 1,
              let modulus, let exponent else {
            ERR_clear_error()
            return nil
        }
        let numbers = [modulus, exponent].map { number in
            var octets = [UInt8](repeating: 0, count: Int((BN_num_bits(number) + 7) / 8))
            BN_bn2bin(number, &octets)
            return octets
        }
        let joined = numbers[0] + numbers[1]
        self.init(joined, modulus: 0..<numbers[0].count, exponent: numbers[0].count..<joined.count)
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
}
