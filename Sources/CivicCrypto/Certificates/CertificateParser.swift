import CivicCore
import COpenSSL
import Foundation

/// Reads X.509 certificates (DER or PEM) into Core's `CertificateInfo`, through OpenSSL.
public enum CertificateParser {
    public enum Failure: UserFacingError, Equatable {
        case notACertificate

        public var message: UserMessage {
            UserMessage(zh: "這不是可以讀取的 X.509 憑證，檔案可能已損壞。",
                        en: "This is not a readable X.509 certificate; the file may be damaged.")
        }
    }

    /// One DER certificate.
    public static func parse(der: [UInt8]) throws -> CertificateInfo {
        guard let certificate = OpenSSLCertificate(der: der) else { throw Failure.notACertificate }
        return certificate.info(der: der)
    }

    /// Every certificate in PEM text (`-----BEGIN CERTIFICATE-----` blocks), in order.
    public static func parse(pem: String) throws -> [CertificateInfo] {
        let certificates = OpenSSLCertificate.all(pem: pem)
        guard !certificates.isEmpty else { throw Failure.notACertificate }
        return try certificates.map { try parse(der: $0.der()) }
    }

    /// DER or PEM bytes, as read from a file.
    public static func parse(fileContents: [UInt8]) throws -> [CertificateInfo] {
        if let text = String(bytes: fileContents, encoding: .utf8), text.contains("-----BEGIN") {
            return try parse(pem: text)
        }
        return [try parse(der: fileContents)]
    }
}

/// Owns one OpenSSL `X509*`; freed when this goes away.
final class OpenSSLCertificate {
    let pointer: OpaquePointer

    init?(der: [UInt8]) {
        var decoded: OpaquePointer?
        der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            decoded = d2i_X509(nil, &cursor, buffer.count)
            // Trailing bytes after the certificate mean it is not one DER certificate.
            if let cursor, let base = buffer.baseAddress, cursor - base != buffer.count {
                X509_free(decoded)
                decoded = nil
            }
        }
        guard let decoded else {
            ERR_clear_error()
            return nil
        }
        pointer = decoded
    }

    /// Takes ownership of an `X509*` (from PEM reading or a CMS structure after `X509_up_ref`).
    init(owning pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        X509_free(pointer)
    }

    static func all(pem: String) -> [OpenSSLCertificate] {
        MemoryBIO.reading(Array(pem.utf8)) { bio in
            var result: [OpenSSLCertificate] = []
            while let certificate = PEM_read_bio_X509(bio, nil, nil, nil) {
                result.append(OpenSSLCertificate(owning: certificate))
            }
            ERR_clear_error() // the read that ends the loop leaves "no start line"
            return result
        } ?? []
    }

    func der() -> [UInt8] {
        Self.der(of: pointer)
    }

    /// The encoding of an `X509*` (as decoded, for a certificate read from DER).
    static func der(of certificate: OpaquePointer) -> [UInt8] {
        let length = i2d_X509(certificate, nil)
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        bytes.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            _ = i2d_X509(certificate, &cursor)
        }
        return bytes
    }

    func info(der: [UInt8]) -> CertificateInfo {
        CertificateInfo(
            der: der,
            subject: Self.name(X509_get_subject_name(pointer)),
            issuer: Self.name(X509_get_issuer_name(pointer)),
            serialHex: serialHex,
            notBefore: Self.date(X509_get0_notBefore(pointer)),
            notAfter: Self.date(X509_get0_notAfter(pointer)),
            keyUsage: keyUsage,
            isCA: X509_check_ca(pointer) != 0,
            policies: policies,
            subjectKeyIdentifier: subjectKeyIdentifier,
            sha256: Digest.sha256Hex(der))
    }

    var serialHex: String {
        X509_get0_serialNumber(pointer).map(Self.serialHex) ?? ""
    }

    /// Upper-case hex of an INTEGER, as `CertificateInfo.serialHex` has it.
    static func serialHex(_ serial: UnsafePointer<ASN1_INTEGER>) -> String {
        guard let number = ASN1_INTEGER_to_BN(serial, nil) else { return "" }
        defer { BN_free(number) }
        guard let hex = BN_bn2hex(number) else { return "" }
        defer { CRYPTO_free(hex, #fileID, #line) }
        return String(cString: hex)
    }

    /// The serial hex of the DER of an INTEGER (a serial number read from a CMS structure).
    static func serialHex(der: [UInt8]) -> String? {
        let decoded = der.withUnsafeBufferPointer { buffer -> UnsafeMutablePointer<ASN1_INTEGER>? in
            var cursor = buffer.baseAddress
            return d2i_ASN1_INTEGER(nil, &cursor, buffer.count)
        }
        guard let decoded else {
            ERR_clear_error()
            return nil
        }
        defer { ASN1_INTEGER_free(decoded) }
        return serialHex(decoded)
    }

    var keyUsage: KeyUsage? {
        // X509_get_key_usage answers UINT32_MAX when the extension is absent.
        let bits = X509_get_key_usage(pointer)
        guard bits != UInt32.max else { return nil }
        return KeyUsage(openSSLBits: bits)
    }

    var policies: [String] {
        guard let raw = X509_get_ext_d2i(pointer, NID_certificate_policies, nil, nil) else { return [] }
        let stack = OpaquePointer(raw)
        defer { CERTIFICATEPOLICIES_free(stack) }
        return (0..<OPENSSL_sk_num(stack)).compactMap { index in
            guard let info = OPENSSL_sk_value(stack, index)?.assumingMemoryBound(to: POLICYINFO.self) else { return nil }
            return Self.oidText(info.pointee.policyid)
        }
    }

    var subjectKeyIdentifier: [UInt8]? {
        guard let identifier = X509_get0_subject_key_id(pointer) else { return nil }
        return Self.bytes(identifier)
    }

    static func name(_ name: OpaquePointer?) -> DistinguishedName {
        guard let name else { return DistinguishedName(attributes: []) }
        let attributes = (0..<X509_NAME_entry_count(name)).compactMap { index -> DistinguishedName.Attribute? in
            guard let entry = X509_NAME_get_entry(name, index), let object = X509_NAME_ENTRY_get_object(entry),
                  let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
            let nid = OBJ_obj2nid(object)
            let type = nid == NID_undef ? oidText(object) : String(cString: OBJ_nid2sn(nid))
            return DistinguishedName.Attribute(type: type, value: utf8(data))
        }
        return DistinguishedName(attributes: attributes)
    }

    static func utf8(_ string: UnsafePointer<ASN1_STRING>) -> String {
        var output: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&output, string)
        guard length >= 0, let output else { return "" }
        defer { CRYPTO_free(output, #fileID, #line) }
        return String(decoding: UnsafeBufferPointer(start: output, count: Int(length)), as: UTF8.self)
    }

    static func oidText(_ object: OpaquePointer?) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        var length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        // OBJ_obj2txt answers the whole length even when the buffer cut the text short.
        if length >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(length) + 1)
            length = OBJ_obj2txt(&buffer, Int32(buffer.count), object, 1)
        }
        guard length > 0, length < buffer.count else { return "" }
        return String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func bytes(_ string: UnsafePointer<ASN1_STRING>) -> [UInt8] {
        let length = Int(ASN1_STRING_length(string))
        guard length > 0, let data = ASN1_STRING_get0_data(string) else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: length))
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else { return Date(timeIntervalSince1970: 0) }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
