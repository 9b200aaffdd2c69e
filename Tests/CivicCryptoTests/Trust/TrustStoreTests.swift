import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

@Suite("Trust anchors and certificate chains")
struct TrustStoreTests {
    let store: TrustStore

    init() throws {
        store = try TestKeys.trustStore()
    }

    private func day(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: "\(text)T12:00:00Z"))
    }

    /// The DER of a TEST PKI certificate with one bit of its signature flipped.
    private func withAlteredSignature(_ path: String) throws -> CertificateInfo {
        var der = try TestPKI.der(path)
        der[der.count - 1] ^= 0x01
        return try CertificateParser.parse(der: der)
    }

    @Test func loadsTheAnchorsFolder() throws {
        #expect(store.anchors.count == 6)
        #expect(Set(store.anchors.compactMap(\.commonName)) == [
            "CivicDesk TEST 政府憑證總管理中心 (GRCA)", "CivicDesk TEST 內政部憑證管理中心 (MOICA)",
            "CivicDesk TEST 政府憑證管理中心 (GCA)", "CivicDesk TEST 組織及團體憑證管理中心 (XCA)",
            "CivicDesk TEST 工商憑證管理中心 (MOEACA)", "CivicDesk TEST 醫事憑證管理中心 (HCA)",
        ])
    }

    @Test func statusAtATime() throws {
        let lead = try TestKeys.certificate("people/lead/sign.pem")
        let moica = try TestKeys.certificate("ca/moica.pem")
        guard case let .valid(chain) = store.status(of: lead, at: try day("2025-06-01")) else {
            Issue.record("lead's signing certificate should be valid in 2025")
            return
        }
        #expect(chain.first == lead && chain.contains(moica))
        #expect(store.status(of: lead, at: try day("2023-06-01")) == .notYetValid(lead))
        #expect(store.status(of: lead, at: try day("2045-06-01")) == .expired(lead))

        let expired = try TestKeys.certificate("people/expired/sign.pem")
        #expect(store.status(of: expired, at: try day("2025-06-01")) == .expired(expired))
        #expect(store.status(of: expired, at: try day("2021-06-01")).isValid)

        let untrusted = try TestKeys.certificate("people/untrusted/sign.pem")
        #expect(store.status(of: untrusted, at: try day("2025-06-01")) == .untrusted(.unknownIssuer))
        let altered = try withAlteredSignature("people/lead/sign.pem")
        #expect(store.status(of: altered, at: try day("2025-06-01")) == .untrusted(.invalidSignature))
    }

    @Test func intermediatesGivenWithTheCertificate() throws {
        let rootOnly = try TrustStore(anchors: [TestKeys.certificate("ca/root.pem")])
        let lead = try TestKeys.certificate("people/lead/enc.pem")
        let moica = try TestKeys.certificate("ca/moica.pem")
        #expect(rootOnly.status(of: lead, at: try day("2025-06-01")) == .untrusted(.unknownIssuer))
        #expect(rootOnly.status(of: lead, at: try day("2025-06-01"), intermediates: [moica]).isValid)
        #expect(!rootOnly.chainsIgnoringDates(lead))
        #expect(rootOnly.chainsIgnoringDates(lead, intermediates: [moica]))
        #expect(!rootOnly.chainsIgnoringDates(lead, intermediates: [try TestKeys.certificate("untrusted/issuing.pem")]))
    }

    /// The fast path (one signature against the anchors) agrees with OpenSSL's full verifier
    /// for every certificate of the TEST PKI, each judged inside its validity period.
    @Test func ignoringDatesAgreesWithTheFullVerifier() throws {
        var paths = ["admin", "admin-renewed", "clerk", "clerk2", "clerk-renewed", "expired", "lead", "other", "revoked", "untrusted", "wrong-usage"]
            .flatMap { ["people/\($0)/sign.pem", "people/\($0)/enc.pem"] }
        paths += ["gca", "gca-renewed", "gca-unlisted", "xca", "moeaca", "hca"].map { "agencies/\($0)/agency.pem" }
        paths += ["ca/moica.pem", "ca/hca.pem", "untrusted/issuing.pem"]
        for path in paths {
            let certificate = try TestKeys.certificate(path)
            let middle = certificate.notBefore.addingTimeInterval(certificate.notAfter.timeIntervalSince(certificate.notBefore) / 2)
            let fast = store.chainsIgnoringDates(certificate)
            #expect(fast == store.status(of: certificate, at: middle).isValid, "\(path)")
            #expect(fast == !path.contains("untrusted"), "\(path)")
        }
        #expect(!store.chainsIgnoringDates(try withAlteredSignature("people/lead/sign.pem")))
    }

    /// A CA made to look like the MOICA-like one (same name, same key identifier, another key):
    /// what it issues must not chain, on the fast path or the full one.
    @Test func lookAlikeIssuerIsNotTrusted() throws {
        let folder = try TemporaryFolder()
        let moica = try TestKeys.certificate("ca/moica.pem")
        let keyIdentifier = try #require(moica.subjectKeyIdentifier).map { String(format: "%02X", $0) }.joined(separator: ":")
        let key = try folder.write(Array(RSAPrivateKey.generate().pem.utf8), to: "fake.key")
        let certificate = folder.file("fake.pem")
        try OpenSSLCommand.run(["req", "-x509", "-new", "-utf8", "-key", key.path, "-out", certificate.path, "-days", "3650",
                                "-subj", "/C=TW/O=CivicDesk TEST/CN=CivicDesk TEST 內政部憑證管理中心 (MOICA)",
                                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                                "-addext", "subjectKeyIdentifier=\(keyIdentifier)"])
        let lookAlike = try CertificateIssuer(certificateFile: certificate, keyFile: key)
        #expect(lookAlike.certificate.subject == moica.subject && lookAlike.certificate.subjectKeyIdentifier == moica.subjectKeyIdentifier)
        let signingKey = try RSAPrivateKey.generate()
        let issued = try lookAlike.issue(.naturalPersonSigning(name: "冒名者", subjectSerialNumber: "0000000199999999", serialHex: "01",
                                                               notBefore: Date(timeIntervalSince1970: 1_704_067_200),
                                                               notAfter: Date(timeIntervalSince1970: 2_366_841_599)), for: signingKey)
        #expect(issued.issuer == moica.subject)
        #expect(!store.chainsIgnoringDates(issued))
        #expect(store.status(of: issued, at: try day("2025-06-01")) == .untrusted(.invalidSignature))
        let tbs = Array("record".utf8)
        let signature = try DetachedSigner.sign(tbs, with: SoftwareKey(privateKey: signingKey, certificate: issued), signingTime: Date())
        #expect(DetachedSignatureVerifier(trustStore: store).check(signature: signature, over: tbs) == .verified(signer: issued, chainTrusted: false))
    }

    @Test func badAnchorSetsAreRefused() throws {
        let folder = try TemporaryFolder()
        #expect(throws: TrustStoreError.noAnchors(path: folder.url.path)) { try TrustStore(folder: folder.url) }
        let missing = folder.file("missing")
        #expect(throws: TrustStoreError.cannotRead(path: missing.path)) { try TrustStore(folder: missing) }
        let notACertificate = try folder.write(Array("hello".utf8), to: "readme.pem")
        #expect(throws: TrustStoreError.notACertificate(path: notACertificate.path)) { try TrustStore(folder: folder.url) }

        let lead = try TestKeys.certificate("people/lead/sign.pem")
        #expect(throws: TrustStoreError.notACertificateAuthority(lead.subject.rfc4514)) { try TrustStore(anchors: [lead]) }
        let alteredMOICA = try withAlteredSignature("ca/moica.pem")
        #expect(throws: TrustStoreError.anchorSignatureInvalid(alteredMOICA.subject.rfc4514)) {
            try TrustStore(anchors: [TestKeys.certificate("ca/root.pem"), alteredMOICA])
        }
        // Alone, an intermediate is an anchor as configured.
        #expect(try TrustStore(anchors: [alteredMOICA]).chainsIgnoringDates(TestKeys.certificate("people/other/sign.pem")))
    }

    @Test func statusMessages() throws {
        let expired = try TestKeys.certificate("people/expired/sign.pem")
        // notAfter 2023-12-31T23:59:59Z is 2024-01-01 in Taiwan.
        #expect(ChainStatus.expired(expired).message.zh == "憑證「李過期」已於 2024-01-01 到期。請向發卡單位申請新卡或展期。")
        #expect(ChainStatus.notYetValid(expired).message.en.contains("not valid until 2019-01-01"))
        let all: [ChainStatus] = [.valid(chain: []), .expired(expired), .notYetValid(expired), .untrusted(.unknownIssuer),
                                  .untrusted(.invalidSignature), .untrusted(.caConstraints), .untrusted(.other("x"))]
        #expect(Set(all.map(\.message.zh)).count == all.count)
        #expect(Set(all.map(\.message.en)).count == all.count)
    }
}

@Suite("Judging a card's certificates for the readers page")
struct CardTrustTests {
    @Test("anchors judge each certificate with the card's others as intermediates; no anchors, no verdict")
    func judging() throws {
        let lead = try TestKeys.certificate("people/lead/sign.pem")
        let outsider = try TestKeys.certificate("people/untrusted/sign.pem")
        let moica = try TestKeys.certificate("ca/moica.pem")
        let rootOnly = TrustAnchors.loaded(try TrustStore(anchors: [TestKeys.certificate("ca/root.pem")]))
        #expect(rootOnly.judge([lead, moica, outsider]) == [.trusted, .trusted, .untrusted])
        #expect(rootOnly.judge([lead]) == [.untrusted], "without the card's issuing CA the chain is incomplete")
        let problem = TrustProblem.notConfigured(folder: "/nowhere")
        #expect(TrustAnchors.unavailable(problem).judge([lead, moica]) == [.unverifiable(problem), .unverifiable(problem)])
    }

    @Test("a folder of anchors loads; a missing or empty one is 'not set up'; a broken one says what is wrong")
    func loadingAFolder() throws {
        let lead = try TestKeys.certificate("people/lead/sign.pem")
        let moica = try TestKeys.certificate("ca/moica.pem")
        #expect(TrustAnchors.load(from: TestPKI.url("trust")).judge([lead, moica]) == [.trusted, .trusted])
        let folder = try TemporaryFolder()
        let missing = folder.file("missing")
        #expect(TrustAnchors.load(from: missing).judge([lead]) == [.unverifiable(.notConfigured(folder: missing.path))])
        #expect(TrustAnchors.load(from: folder.url).judge([lead]) == [.unverifiable(.notConfigured(folder: folder.url.path))])
        let broken = try folder.write(Array("hello".utf8), to: "root.pem")
        #expect(TrustAnchors.load(from: folder.url).judge([lead])
                    == [.unverifiable(.unusable(TrustStoreError.notACertificate(path: broken.path).message))])
    }
}
