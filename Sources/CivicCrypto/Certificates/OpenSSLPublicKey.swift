import COpenSSL

/// Owns an RSA public key (`EVP_PKEY*`) built from a certificate's modulus and exponent with
/// `EVP_PKEY_fromdata`: about 10 µs, where decoding the SubjectPublicKeyInfo through OpenSSL
/// 3.0's decoders costs about 150 µs (see `OpenSSLContext.withoutDecoders`).
final class OpenSSLPublicKey {
    let pointer: OpaquePointer

    /// The RSA key of a certificate (`X509*`, decoded in any context); nil for other key types.
    init?(rsaOf certificate: OpaquePointer) {
        var algorithm: OpaquePointer?
        var key: UnsafePointer<UInt8>?
        var length: Int32 = 0
        guard let publicKeyInfo = X509_get_X509_PUBKEY(certificate),
              X509_PUBKEY_get0_param(&algorithm, &key, &length, nil, publicKeyInfo) == 1,
              OBJ_obj2nid(algorithm) == NID_rsaEncryption, let key, length > 0 else { return nil }
        // RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
        let encoded = Array(UnsafeBufferPointer(start: key, count: Int(length)))
        guard let (modulus, exponent) = try? BERReader.parse(encoded, { reader -> ([UInt8], [UInt8]) in
            let sequence = try reader.enter(0x30)
            let numbers = (try reader.unsignedInteger(), try reader.unsignedInteger())
            try reader.leave(sequence)
            return numbers
        }), let made = Self.fromData(modulus: modulus, exponent: exponent) else { return nil }
        pointer = made
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    private static func fromData(modulus: [UInt8], exponent: [UInt8]) -> OpaquePointer? {
        guard let n = BN_bin2bn(modulus, Int32(modulus.count), nil) else { return nil }
        defer { BN_free(n) }
        guard let e = BN_bin2bn(exponent, Int32(exponent.count), nil), let builder = OSSL_PARAM_BLD_new() else { return nil }
        defer {
            BN_free(e)
            OSSL_PARAM_BLD_free(builder)
        }
        // The builder keeps pointers to the names until the key is made: static strings.
        guard OSSL_PARAM_BLD_push_BN(builder, OpenSSLContext.cString("n"), n) == 1,
              OSSL_PARAM_BLD_push_BN(builder, OpenSSLContext.cString("e"), e) == 1,
              let parameters = OSSL_PARAM_BLD_to_param(builder) else { return nil }
        defer { OSSL_PARAM_free(parameters) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, OpenSSLContext.cString("RSA"), nil) else { return nil }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        let publicKey = Int32(OSSL_KEYMGMT_SELECT_PUBLIC_KEY | OSSL_KEYMGMT_SELECT_DOMAIN_PARAMETERS | OSSL_KEYMGMT_SELECT_OTHER_PARAMETERS)
        guard EVP_PKEY_fromdata_init(context) == 1, EVP_PKEY_fromdata(context, &key, publicKey, parameters) == 1 else {
            ERR_clear_error()
            return nil
        }
        return key
    }
}
