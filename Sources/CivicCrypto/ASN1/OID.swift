import COpenSSL

/// The object identifiers CivicDesk's CMS code recognises, in dotted form, and the conversion of
/// an encoded OID to that form (through OpenSSL).
enum OID {
    static let authEnvelopedData = "1.2.840.113549.1.9.16.1.23"
    static let envelopedData = "1.2.840.113549.1.7.3"
    static let data = "1.2.840.113549.1.7.1"

    static let aes128CBC = "2.16.840.1.101.3.4.1.2"
    static let aes256CBC = "2.16.840.1.101.3.4.1.42"
    static let aes128GCM = "2.16.840.1.101.3.4.1.6"
    static let aes256GCM = "2.16.840.1.101.3.4.1.46"

    static let rsaEncryption = "1.2.840.113549.1.1.1"
    static let rsaesOAEP = "1.2.840.113549.1.1.7"
    static let mgf1 = "1.2.840.113549.1.1.8"
    static let pSpecified = "1.2.840.113549.1.1.9"
    static let sha1 = "1.3.14.3.2.26"
    static let sha256 = "2.16.840.1.101.3.4.2.1"

    /// `1.2.840.113549.1.7.3` from the DER of an OBJECT IDENTIFIER (tag and length included).
    static func dotted(der: [UInt8]) throws -> String {
        let decoded = der.withUnsafeBufferPointer { buffer -> OpaquePointer? in
            var cursor = buffer.baseAddress
            return d2i_ASN1_OBJECT(nil, &cursor, buffer.count)
        }
        guard let object = decoded else {
            ERR_clear_error()
            throw BERError.malformed
        }
        defer { ASN1_OBJECT_free(object) }
        return OpenSSLCertificate.oidText(object)
    }

    /// OpenSSL's long name with the dotted form (`pkcs7-signedData (1.2.840.113549.1.7.2)`), or
    /// the dotted form alone, for messages about something CivicDesk does not handle.
    static func describe(_ dotted: String) -> String {
        let nid = OBJ_txt2nid(dotted)
        guard nid != NID_undef, let name = OBJ_nid2ln(nid) else { return dotted }
        return "\(String(cString: name)) (\(dotted))"
    }
}

/// An AlgorithmIdentifier: the algorithm's OID and its parameters as encoded (nil when absent).
struct AlgorithmIdentifier: Equatable {
    let oid: String
    let parameters: [UInt8]?

    init(der: [UInt8]) throws {
        (oid, parameters) = try BERReader.parse(der) { reader in
            let sequence = try reader.enter(0x30)
            let oid = try reader.objectIdentifier()
            let parameters = try reader.hasMore(in: sequence) ? reader.element() : nil
            try reader.leave(sequence)
            return (oid, parameters)
        }
    }

    /// True when the parameters are absent or NULL.
    var hasNoParameters: Bool {
        parameters == nil || parameters == [0x05, 0x00]
    }
}
