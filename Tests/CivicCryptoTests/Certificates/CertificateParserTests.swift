import CivicCore
@testable import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

@Suite("X.509 certificates")
struct CertificateParserTests {
    @Test func naturalPersonSigningCertificate() throws {
        let certificate = try #require(try CertificateParser.parse(pem: TestPKI.text("people/lead/sign.pem")).first)
        #expect(certificate.commonName == "王大明")
        #expect(certificate.subject.first("C") == "TW")
        #expect(certificate.subject.first("serialNumber") == "0000000112345678")
        #expect(certificate.subject.rfc4514 == "serialNumber=0000000112345678,CN=王大明,C=TW")
        #expect(certificate.issuer.first("CN") == "CivicDesk TEST 內政部憑證管理中心 (MOICA)")
        #expect(certificate.keyUsage == [.digitalSignature, .nonRepudiation])
        #expect(certificate.maySign && !certificate.mayDecryptKeys)
        #expect(!certificate.isCA)
        #expect(certificate.policies == ["2.16.886.101.0.3.1.2.1"])
        #expect(certificate.subjectKeyIdentifier?.count == 20)
        #expect(certificate.der == (try TestPKI.der("people/lead/sign.pem")))
        #expect(certificate.sha256 == Digest.sha256Hex(certificate.der))
        #expect(certificate.notBefore == ISO8601DateFormatter().date(from: "2024-01-01T00:00:00Z"))
        #expect(certificate.notAfter == ISO8601DateFormatter().date(from: "2044-12-31T23:59:59Z"))
    }

    @Test func serialMatchesOpenSSL() throws {
        let certificate = try #require(try CertificateParser.parse(pem: TestPKI.text("people/lead/enc.pem")).first)
        #expect(certificate.keyUsage == [.keyEncipherment, .dataEncipherment])
        #expect(certificate.mayDecryptKeys && !certificate.maySign)
        let output = try OpenSSLCommand.run(["x509", "-noout", "-serial", "-in", TestPKI.url("people/lead/enc.pem").path])
        #expect(output == "serial=\(certificate.serialHex)\n")
    }

    @Test func agencyCertificateCarriesItsIdentifier() throws {
        let gca = try #require(try CertificateParser.parse(pem: TestPKI.text("agencies/gca/agency.pem")).first)
        #expect(gca.organizationIdentifier == "2.16.886.101.20003.20065.20001")
        #expect(gca.subject.first("O") == "行政院")
        #expect(gca.subject.first("OU") == "數位發展部")
        let moeaca = try #require(try CertificateParser.parse(pem: TestPKI.text("agencies/moeaca/agency.pem")).first)
        #expect(moeaca.organizationIdentifier == "22099131")
    }

    @Test func caCertificates() throws {
        let root = try #require(try CertificateParser.parse(pem: TestPKI.text("ca/root.pem")).first)
        #expect(root.isCA)
        #expect(root.keyUsage == [.keyCertSign, .cRLSign])
        #expect(root.subject == root.issuer)
    }

    @Test func derAndPEMAgree() throws {
        let der = try TestPKI.der("people/other/sign.pem")
        #expect(try CertificateParser.parse(der: der) == CertificateParser.parse(fileContents: TestPKI.bytes("people/other/sign.pem")).first)
    }

    @Test func severalCertificatesInOnePEM() throws {
        let bundle = try TestPKI.text("ca/root.pem") + TestPKI.text("ca/moica.pem")
        #expect(try CertificateParser.parse(pem: bundle).count == 2)
    }

    @Test func damagedInputIsRefused() throws {
        var der = try TestPKI.der("people/lead/sign.pem")
        #expect(throws: CertificateParser.Failure.notACertificate) { try CertificateParser.parse(der: Array(der.prefix(100))) }
        der.append(0)
        #expect(throws: CertificateParser.Failure.notACertificate) { try CertificateParser.parse(der: der) }
        #expect(throws: CertificateParser.Failure.notACertificate) { try CertificateParser.parse(pem: "hello") }
        #expect(throws: CertificateParser.Failure.notACertificate) { try CertificateParser.parse(der: []) }
    }

    @Test func distinguishedNameEscaping() {
        let name = DistinguishedName(attributes: [.init(type: "O", value: "A, B+C"), .init(type: "CN", value: " x#")])
        #expect(name.rfc4514 == "CN=\\ x#,O=A\\, B\\+C")
    }
}
