import CivicCore
@testable import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

/// `CertificateView` (the certificate read straight from its DER) against OpenSSL's reading of
/// the same certificate: the same `CertificateInfo`, the same chain judgement; certificates it
/// does not vouch for are left to OpenSSL, and signatures made with them still verify alike.
@Suite("Certificates read from the DER agree with OpenSSL")
struct CertificateViewTests {
    let store: TrustStore

    init() throws {
        store = try TestKeys.trustStore()
    }

    /// Every certificate of the TEST PKI.
    static func testPKICertificates() throws -> [String] {
        let root = TestPKI.url("")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.filter { $0.pathExtension == "pem" }.map { String($0.path.dropFirst(root.path.count)).trimmingCharacters(in: ["/"]) }.sorted()
    }

    @Test func everyTestPKICertificateReadsAsOpenSSLReadsIt() throws {
        let paths = try Self.testPKICertificates()
        #expect(paths.count > 20)
        for path in paths {
            let der = try TestPKI.der(path)
            let view = try #require(CertificateView(der: der), "\(path)")
            let expected = try CertificateParser.parse(der: der)
            #expect(view.info() == expected, "\(path)")
            #expect(view.signerFacts() == SignerFacts(expected), "\(path)")
            let fast = store.chainsIgnoringDates(view, carried: [view])
            #expect(fast == nil || fast == store.chainsIgnoringDates(expected), "\(path)")
            #expect(fast != nil, "\(path)")
        }
    }

    /// Certificates made by `openssl x509` under the MOICA-like test CA with the extensions and
    /// name encodings real ones may have, each used to sign a record.
    @Test(arguments: CertificateVariant.all)
    func variantsAgreeWithOpenSSL(_ variant: CertificateVariant) throws {
        let folder = try TemporaryFolder()
        let made = try variant.make(in: folder)
        let der = try TestPKI.der(pemFile: made.certificate)
        let expected = try CertificateParser.parse(der: der)
        let view = CertificateView(der: der)
        if variant.readFast {
            let view = try #require(view, "\(variant)")
            #expect(view.info() == expected, "\(variant)")
        } else if let view {
            #expect(view.info() == expected, "\(variant)")
        }
        if let view { #expect(view.signerFacts() == SignerFacts(expected), "\(variant)") }
        if let view, let fast = store.chainsIgnoringDates(view, carried: [view]) {
            #expect(fast == store.chainsIgnoringDates(expected), "\(variant)")
        }
        // A record signed with it: the verifier agrees with OpenSSL's path.
        let tbs = OpenSSLSigner.tbs()
        let input = try folder.write(tbs, to: "tbs")
        let output = folder.file("sig.der")
        try OpenSSLCommand.run(["cms", "-sign", "-binary", "-md", "sha256", "-in", input.path, "-out", output.path, "-outform", "DER",
                                "-signer", made.certificate.path, "-inkey", made.key.path])
        let signature = Array(try Data(contentsOf: output))
        let verifier = DetachedSignatureVerifier(trustStore: store)
        let reference = OpenSSLSignatureCheck(trustStore: store).check(signature: signature, over: tbs)
        #expect(verifier.check(signature: signature, over: tbs) == reference, "\(variant)")
        if variant.readFast { #expect(verifier.fastCheck(signature: signature, over: tbs) == reference, "\(variant)") }
        #expect(verifier.verdict(signature: signature, over: tbs) == SignatureVerdict(reference), "\(variant)")
    }

    /// A signer whose issuer is spelt otherwise than the anchor that issued it (here in
    /// capitals, which OpenSSL's canonical comparison of names ignores) is OpenSSL's to judge,
    /// and OpenSSL trusts it: the fast path must leave it, never call it untrusted.
    @Test func issuerSpeltOtherwiseIsLeftToOpenSSL() throws {
        let folder = try TemporaryFolder()
        let capitals = folder.file("moica-capitals.pem")
        try OpenSSLCommand.run(["req", "-new", "-x509", "-utf8", "-key", TestPKI.url("ca/moica.key").path,
                                "-subj", "/C=TW/O=CIVICDESK TEST/CN=CivicDesk TEST 內政部憑證管理中心 (MOICA)",
                                "-days", "3650", "-out", capitals.path])
        let made = try CertificateVariant.base.make(in: folder, issuer: capitals)
        let der = try TestPKI.der(pemFile: made.certificate)
        let view = try #require(CertificateView(der: der))
        #expect(store.chainsIgnoringDates(view, carried: [view]) == nil)
        #expect(store.chainsIgnoringDates(try CertificateParser.parse(der: der)) == true)
    }

    @Test func truncatedCertificatesAreNotRead() throws {
        let der = try TestPKI.der("people/lead/sign.pem")
        for length in 0..<der.count {
            #expect(CertificateView(der: Array(der.prefix(length))) == nil)
        }
    }
}

/// One way of making a test certificate with the openssl command line.
struct CertificateVariant: Sendable, CustomTestStringConvertible {
    var name: String
    /// `-subj` of the request.
    var subject = "/C=TW/CN=王小明/serialNumber=0000000112345678"
    /// The request's string_mask (`utf8only`, `default` for BMPString and PrintableString, …).
    var stringMask = "utf8only"
    var multivalueRDN = false
    /// Extension lines of the `[v]` section of the `-extfile`; nil makes a version 1 certificate.
    var extensions: [String]? = ["basicConstraints = critical, CA:false", "keyUsage = critical, digitalSignature, nonRepudiation",
                                 "subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid:always"]
    var days = 3650
    var digest = "sha256"
    /// True when the fast path must read it (not leave it to OpenSSL).
    var readFast = true

    var testDescription: String { name }

    func adding(_ lines: String...) -> CertificateVariant {
        var copy = self
        copy.extensions = (extensions ?? []) + lines
        return copy
    }

    static let base = CertificateVariant(name: "base")

    static let all: [CertificateVariant] = [
        base,
        CertificateVariant(name: "BMPString and PrintableString names", stringMask: "default"),
        CertificateVariant(name: "T61String name", subject: "/C=TW/CN=Jos\u{E9} Test", stringMask: "default"),
        CertificateVariant(name: "multi-valued RDN", subject: "/C=TW/CN=王小明+serialNumber=0000000112345678", multivalueRDN: true),
        CertificateVariant(name: "organization identifier", subject: "/C=TW/O=行政院/OU=數位發展部/CN=數位發展部/organizationIdentifier=2.16.886.101.20003.20065.20001"),
        CertificateVariant(name: "GeneralizedTime validity", days: 20_000),
        CertificateVariant(name: "SHA-384 signature", digest: "sha384"),
        CertificateVariant(name: "SHA-512 signature", digest: "sha512"),
        base.adding("extendedKeyUsage = emailProtection, clientAuth", "subjectAltName = email:someone@example.tw",
                    "crlDistributionPoints = URI:http://moica.example.tw/crl.crl",
                    "authorityInfoAccess = caIssuers;URI:http://moica.example.tw/ca.crt").named("usual extensions"),
        base.adding("certificatePolicies = @cps").named("policy with a CPS qualifier"),
        base.adding("certificatePolicies = 2.16.886.101.0.3.1.2.1, 1.2.3.4").named("two policies"),
        // Found by `make fuzz`: OpenSSL's spelling was cut at 127 characters.
        base.adding("certificatePolicies = 1.2.3." + (1000..<1040).map(String.init).joined(separator: "."))
            .named("policy OID spelt in more than 128 characters"),
        // OBJ_obj2txt spells an arc beyond 64 bits its own way: left to OpenSSL.
        CertificateVariant(name: "policy with an arc beyond 64 bits",
                           extensions: ["keyUsage = digitalSignature", "certificatePolicies = 1.2.36893488147419103232"], readFast: false),
        base.adding("2.5.29.9 = ASN1:SEQUENCE:directory").named("non-critical unknown extension"),
        base.adding("1.2.3.4 = critical, ASN1:NULL").named("critical unknown extension"),
        CertificateVariant(name: "critical subject key identifier",
                           extensions: ["basicConstraints = critical, CA:false", "keyUsage = critical, digitalSignature",
                                        "subjectKeyIdentifier = critical, hash", "authorityKeyIdentifier = keyid:always"]),
        CertificateVariant(name: "no keyUsage", extensions: ["subjectKeyIdentifier = hash", "authorityKeyIdentifier = keyid:always"]),
        CertificateVariant(name: "CA by keyUsage only", extensions: ["keyUsage = keyCertSign, digitalSignature", "subjectKeyIdentifier = hash"]),
        CertificateVariant(name: "authority key identifier with issuer and serial",
                           extensions: ["keyUsage = digitalSignature", "authorityKeyIdentifier = keyid:always, issuer:always"], readFast: false),
        CertificateVariant(name: "name constraints", extensions: ["keyUsage = digitalSignature", "nameConstraints = permitted;DNS:example.tw"],
                           readFast: false),
        CertificateVariant(name: "version 1", extensions: nil, readFast: false),
    ]

    func named(_ name: String) -> CertificateVariant {
        var copy = self
        copy.name = name
        return copy
    }

    /// A key, a request and the certificate issued with the MOICA-like test CA's key, under
    /// `issuer` (its certificate unless told otherwise).
    func make(in folder: TemporaryFolder, issuer: URL = TestPKI.url("ca/moica.pem")) throws -> (certificate: URL, key: URL) {
        let key = folder.file("key.pem")
        try OpenSSLCommand.run(["genrsa", "-out", key.path, "2048"])
        let config = try folder.write(Array("""
            [req]
            distinguished_name = dn
            string_mask = \(stringMask)
            [dn]
            [v]
            \((extensions ?? []).joined(separator: "\n"))
            [cps]
            policyIdentifier = 2.16.886.101.0.3.1.2.1
            CPS.1 = "https://moica.example.tw/cps"
            [directory]
            attribute = SEQUENCE:dateOfBirth
            [dateOfBirth]
            type = OID:1.3.6.1.5.5.7.9.1
            values = SET:birthValues
            [birthValues]
            value = GENTIME:19800131000000Z

            """.utf8), to: "openssl.cnf")
        let request = folder.file("request.pem")
        try OpenSSLCommand.run(["req", "-new", "-utf8", "-config", config.path, "-key", key.path, "-subj", subject, "-out", request.path]
                               + (multivalueRDN ? ["-multivalue-rdn"] : []))
        let certificate = folder.file("certificate.pem")
        try OpenSSLCommand.run(["x509", "-req", "-in", request.path, "-CA", issuer.path,
                                "-CAkey", TestPKI.url("ca/moica.key").path, "-set_serial", "0x7912345678", "-days", "\(days)",
                                "-\(digest)", "-out", certificate.path] + (extensions == nil ? [] : ["-extfile", config.path, "-extensions", "v"]))
        return (certificate, key)
    }
}
