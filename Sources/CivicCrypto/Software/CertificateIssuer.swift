import CivicCore
import COpenSSL
import Foundation

/// Issues end-entity certificates signed by a CA key held in memory — the TEST PKI's CAs in
/// `data/test-pki/ca/`. For tests, the roster benchmark's generator (which issues hundreds of
/// thousands of signer certificates: reuse a pool of `RSAPrivateKey`s, each certificate is one
/// RSA signature by the CA) and the demo. NOT a certification authority for real use.
/// Thread-safe: each call builds its own certificate.
public final class CertificateIssuer: @unchecked Sendable {
    public let certificate: CertificateInfo
    private let authority: OpenSSLCertificate
    private let key: RSAPrivateKey
    /// An empty configuration: OpenSSL parses certificatePolicies only with one at hand.
    private let configuration: UnsafeMutablePointer<CONF>

    public init(certificate: CertificateInfo, key: RSAPrivateKey) throws {
        guard key.matches(certificate), let authority = OpenSSLCertificate(der: certificate.der) else {
            throw SoftwareKeyError.keyDoesNotMatchCertificate
        }
        guard let configuration = NCONF_new(nil) else { throw SoftwareKeyError.failed("certificate issuing") }
        self.certificate = certificate
        self.authority = authority
        self.key = key
        self.configuration = configuration
    }

    deinit {
        NCONF_free(configuration)
    }

    /// A CA from its certificate file (PEM or DER) and PEM key file.
    public convenience init(certificateFile: URL, keyFile: URL) throws {
        let authority = try SoftwareKey(keyFile: keyFile, certificateFile: certificateFile)
        try self.init(certificate: authority.certificate, key: authority.privateKey)
    }

    /// A certificate for `subjectKey`'s public half, as `request` describes it.
    public func issue(_ request: CertificateRequest, for subjectKey: RSAPrivateKey) throws -> CertificateInfo {
        guard let certificate = X509_new() else { throw SoftwareKeyError.failed("certificate issuing") }
        let owned = OpenSSLCertificate(owning: certificate)
        guard X509_set_version(certificate, 2) == 1,
              Self.setSerial(request.serialHex, of: certificate),
              X509_set_issuer_name(certificate, X509_get_subject_name(authority.pointer)) == 1,
              Self.setSubject(request.subject, of: certificate),
              ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(request.notBefore.timeIntervalSince1970)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(request.notAfter.timeIntervalSince1970)) != nil,
              X509_set_pubkey(certificate, subjectKey.pointer) == 1,
              addExtensions(request, to: certificate),
              X509_sign(certificate, key.pointer, EVP_sha256()) > 0 else {
            ERR_clear_error()
            throw SoftwareKeyError.failed("certificate issuing")
        }
        return owned.info(der: owned.der())
    }

    private static func setSerial(_ hex: String, of certificate: OpaquePointer) -> Bool {
        var number: OpaquePointer?
        guard BN_hex2bn(&number, hex) > 0, let number else { return false }
        defer { BN_free(number) }
        guard let serial = BN_to_ASN1_INTEGER(number, nil) else { return false }
        defer { ASN1_INTEGER_free(serial) }
        return X509_set_serialNumber(certificate, serial) == 1
    }

    private static func setSubject(_ subject: DistinguishedName, of certificate: OpaquePointer) -> Bool {
        let name = X509_get_subject_name(certificate)
        return subject.attributes.allSatisfy { attribute in
            X509_NAME_add_entry_by_txt(name, attribute.type, MBSTRING_UTF8, attribute.value, -1, -1, 0) == 1
        }
    }

    private func addExtensions(_ request: CertificateRequest, to certificate: OpaquePointer) -> Bool {
        var context = X509V3_CTX()
        X509V3_set_ctx(&context, authority.pointer, certificate, nil, nil, 0)
        X509V3_set_nconf(&context, configuration)
        var extensions: [(Int32, String)] = [
            (NID_basic_constraints, "critical,CA:FALSE"),
            (NID_subject_key_identifier, "hash"),
            (NID_authority_key_identifier, "keyid:always"),
        ]
        if let usage = request.keyUsage {
            extensions.append((NID_key_usage, "critical," + usage.names.joined(separator: ",")))
        }
        if !request.policies.isEmpty {
            extensions.append((NID_certificate_policies, request.policies.joined(separator: ",")))
        }
        return extensions.allSatisfy { nid, value in
            guard let ext = X509V3_EXT_nconf_nid(configuration, &context, nid, value) else { return false }
            defer { X509_EXTENSION_free(ext) }
            return X509_add_ext(certificate, ext, -1) == 1
        }
    }
}

/// What an issued test certificate says.
public struct CertificateRequest: Sendable, Equatable {
    public var subject: DistinguishedName
    /// The serial number in hex (`1100000000000001`); distinct per certificate of one CA.
    public var serialHex: String
    public var notBefore: Date
    public var notAfter: Date
    /// Nil leaves the keyUsage extension out (every use allowed).
    public var keyUsage: KeyUsage?
    /// certificatePolicies OIDs, dotted.
    public var policies: [String]

    public init(subject: DistinguishedName, serialHex: String, notBefore: Date, notAfter: Date,
                keyUsage: KeyUsage?, policies: [String] = []) {
        self.subject = subject
        self.serialHex = serialHex
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.keyUsage = keyUsage
        self.policies = policies
    }

    /// A 自然人憑證 signing certificate as the TEST PKI makes them: `C=TW, CN=name,
    /// serialNumber=…`, digitalSignature + nonRepudiation, the MOICA test policy.
    public static func naturalPersonSigning(name: String, subjectSerialNumber: String, serialHex: String,
                                            notBefore: Date, notAfter: Date) -> CertificateRequest {
        CertificateRequest(
            subject: DistinguishedName(attributes: [
                .init(type: "C", value: "TW"), .init(type: "CN", value: name),
                .init(type: "serialNumber", value: subjectSerialNumber),
            ]),
            serialHex: serialHex, notBefore: notBefore, notAfter: notAfter,
            keyUsage: [.digitalSignature, .nonRepudiation], policies: ["2.16.886.101.0.3.1.2.1"])
    }
}
