import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

@Suite("Software keys and the test certificate issuer")
struct SoftwareKeyTests {
    let folder: TemporaryFolder
    let moica: CertificateIssuer
    /// 2024-01-01 and 2044-12-31, as the TEST PKI's current certificates.
    let from = Date(timeIntervalSince1970: 1_704_067_200)
    let to = Date(timeIntervalSince1970: 2_366_841_599)

    init() throws {
        folder = try TemporaryFolder()
        moica = try CertificateIssuer(certificateFile: TestPKI.url("ca/moica.pem"), keyFile: TestPKI.url("ca/moica.key"))
    }

    @Test func keyAndCertificateMustMatch() throws {
        let encryptionKey = try RSAPrivateKey(pem: TestPKI.text("people/lead/enc.key"))
        #expect(throws: SoftwareKeyError.keyDoesNotMatchCertificate) {
            try SoftwareKey(privateKey: encryptionKey, certificate: TestKeys.certificate("people/lead/sign.pem"))
        }
        #expect(throws: SoftwareKeyError.notAPrivateKey) { try RSAPrivateKey(pem: TestPKI.text("people/lead/enc.pem")) }
    }

    @Test func signaturesVerifyWithOpenSSL() throws {
        let key = try TestKeys.signing("lead")
        let message = Array("連署".utf8)
        let signature = try key.signSHA256(message)
        let publicKey = folder.file("public.pem")
        try OpenSSLCommand.run(["x509", "-in", TestPKI.url("people/lead/sign.pem").path, "-pubkey", "-noout", "-out", publicKey.path])
        let output = try OpenSSLCommand.run(["dgst", "-sha256", "-verify", publicKey.path, "-signature",
                                             folder.write(signature, to: "sig").path, folder.write(message, to: "msg").path])
        #expect(output == "Verified OK\n")
    }

    @Test func generatedKeysSurviveThePEMRoundTrip() throws {
        let key = try RSAPrivateKey.generate()
        let reread = try RSAPrivateKey(pem: key.pem)
        let certificate = try moica.issue(request(serial: "7700000000000001"), for: key)
        #expect(reread.matches(certificate))
        #expect(!(try RSAPrivateKey.generate()).matches(certificate))
    }

    private func request(serial: String, keyUsage: KeyUsage? = [.digitalSignature, .nonRepudiation]) -> CertificateRequest {
        var request = CertificateRequest.naturalPersonSigning(name: "林測試", subjectSerialNumber: "0000000123456789",
                                                              serialHex: serial, notBefore: from, notAfter: to)
        request.keyUsage = keyUsage
        return request
    }

    @Test func issuedCertificatesLookLikeTheTestPKIs() throws {
        let key = try RSAPrivateKey.generate()
        let issued = try moica.issue(request(serial: "7700000000000002"), for: key)
        let lead = try TestKeys.certificate("people/lead/sign.pem")
        #expect(issued.commonName == "林測試")
        #expect(issued.subject.rfc4514 == "serialNumber=0000000123456789,CN=林測試,C=TW")
        #expect(issued.issuer == lead.issuer)
        #expect(issued.serialHex == "7700000000000002")
        #expect(issued.notBefore == from && issued.notAfter == to)
        #expect(issued.keyUsage == lead.keyUsage && issued.policies == lead.policies && !issued.isCA)
        #expect(issued.subjectKeyIdentifier?.count == 20)

        let file = try folder.write(issued.der, to: "issued.der")
        let pem = folder.file("issued.pem")
        try OpenSSLCommand.run(["x509", "-inform", "DER", "-in", file.path, "-out", pem.path])
        let verified = try OpenSSLCommand.run(["verify", "-CAfile", TestPKI.url("ca/root.pem").path,
                                               "-untrusted", TestPKI.url("ca/moica.pem").path, pem.path])
        #expect(verified.hasSuffix(": OK\n"))
        let text = try OpenSSLCommand.run(["x509", "-inform", "DER", "-in", file.path, "-noout", "-text"])
        #expect(text.contains("X509v3 Key Usage: critical") && text.contains("X509v3 Authority Key Identifier"))

        let store = try TestKeys.trustStore()
        #expect(store.chainsIgnoringDates(issued))
        let signer = try SoftwareKey(privateKey: key, certificate: issued)
        let tbs = OpenSSLSigner.tbs(name: "林測試")
        let signature = try DetachedSigner.sign(tbs, with: signer, signingTime: from)
        #expect(DetachedSignatureVerifier(trustStore: store).check(signature: signature, over: tbs) == .verified(signer: issued, chainTrusted: true))
    }

    @Test func certificatesWithoutKeyUsage() throws {
        let issued = try moica.issue(request(serial: "7700000000000003", keyUsage: nil), for: RSAPrivateKey.generate())
        #expect(issued.keyUsage == nil && issued.maySign)
    }

    /// The roster benchmark issues hundreds of thousands of certificates over a small pool of
    /// keys: each is one CA signature.
    @Test func aPoolOfKeysGivesDistinctCertificates() throws {
        let pool = try (0..<2).map { _ in try RSAPrivateKey.generate() }
        let count = 40
        let start = Date()
        let issued = try (0..<count).map { index in
            try moica.issue(request(serial: String(format: "78%014X", index)), for: pool[index % pool.count])
        }
        let milliseconds = Date().timeIntervalSince(start) * 1000 / Double(count)
        print("Issued \(count) certificates: \(String(format: "%.2f", milliseconds)) ms each")
        #expect(Set(issued.map(\.sha256)).count == count)
        #expect(Set(issued.map(\.serialHex)).count == count)
    }
}
