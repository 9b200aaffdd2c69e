import COpenSSL

/// The signed attributes of a CMS SignerInfo as the signature covers them: the DER of a
/// `SET OF Attribute` (RFC 5652 §5.4).
enum SignerInfoAttributes {
    /// True when the SignerInfo has a signedAttrs field.
    static func present(in signerInfo: OpaquePointer) -> Bool {
        CMS_signed_get_attr_count(signerInfo) >= 0
    }

    /// The attributes re-encoded as a SET, in the order they were read (as OpenSSL does when it
    /// verifies) or sorted as DER requires (when signing: that is how OpenSSL writes them).
    static func der(of signerInfo: OpaquePointer, sorted: Bool) -> [UInt8]? {
        var encodings: [[UInt8]] = []
        for index in 0..<max(0, CMS_signed_get_attr_count(signerInfo)) {
            guard let attribute = CMS_signed_get_attr(signerInfo, index) else { return nil }
            let length = i2d_X509_ATTRIBUTE(attribute, nil)
            guard length > 0 else { return nil }
            var encoding = [UInt8](repeating: 0, count: Int(length))
            encoding.withUnsafeMutableBufferPointer { buffer in
                var cursor = buffer.baseAddress
                _ = i2d_X509_ATTRIBUTE(attribute, &cursor)
            }
            encodings.append(encoding)
        }
        if sorted { encodings.sort { $0.lexicographicallyPrecedes($1) } }
        let body = encodings.flatMap { $0 }
        return [0x31] + derLength(body.count) + body
    }

    private static func derLength(_ length: Int) -> [UInt8] {
        guard length >= 0x80 else { return [UInt8(length)] }
        var octets: [UInt8] = []
        var rest = length
        while rest > 0 {
            octets.insert(UInt8(rest & 0xFF), at: 0)
            rest >>= 8
        }
        return [0x80 | UInt8(octets.count)] + octets
    }
}
