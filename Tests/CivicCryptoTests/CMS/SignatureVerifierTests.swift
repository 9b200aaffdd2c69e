import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

@Suite("Detached record signatures")
struct SignatureVerifierTests {
    let folder: TemporaryFolder
    let openssl: OpenSSLSigner
    let verifier: DetachedSignatureVerifier
    let tbs = OpenSSLSigner.tbs()

    init() throws {
        folder = try TemporaryFolder()
        openssl = OpenSSLSigner(folder: folder)
        verifier = DetachedSignatureVerifier(trustStore: try TestKeys.trustStore())
    }

    private func signer(_ person: String) throws -> CertificateInfo {
        try TestKeys.certificate("people/\(person)/sign.pem")
    }

    @Test(arguments: [[], ["-noattr"], ["-nosmimecap"], ["-nodetach"], ["-nodetach", "-noattr"]])
    func verifiesWithAndWithoutSignedAttributes(_ options: [String]) throws {
        let signature = try openssl.sign(tbs, by: "lead", options: options)
        #expect(verifier.check(signature: signature, over: tbs) == .verified(signer: try signer("lead"), chainTrusted: true))
    }

    @Test(arguments: [[], ["-noattr"], ["-nodetach"]])
    func alteredContentIsABadSignature(_ options: [String]) throws {
        let signature = try openssl.sign(tbs, by: "lead", options: options)
        let altered = OpenSSLSigner.tbs(name: "王小明")
        #expect(verifier.check(signature: signature, over: altered) == .badSignature(signer: try signer("lead")))
    }

    @Test(arguments: [[], ["-noattr"]])
    func alteredSignatureValueIsABadSignature(_ options: [String]) throws {
        var signature = try openssl.sign(tbs, by: "lead", options: options)
        // The signature value is the last field of the (only) SignerInfo, at the end of the DER.
        signature[signature.count - 5] ^= 0x01
        #expect(verifier.check(signature: signature, over: tbs) == .badSignature(signer: try signer("lead")))
    }

    @Test func otherDigestsAndPaddingsAreBadSignatures() throws {
        let sha1 = try openssl.sign(tbs, by: "lead", options: ["-md", "sha1"])
        #expect(verifier.check(signature: sha1, over: tbs) == .badSignature(signer: try signer("lead")))
        let pss = try openssl.sign(tbs, by: "lead", options: ["-keyopt", "rsa_padding_mode:pss"])
        #expect(verifier.check(signature: pss, over: tbs) == .badSignature(signer: try signer("lead")))
    }

    @Test func chainIsJudgedWithoutDates() throws {
        // Expired in 2023: the chain still holds; the record rule compares signedAt with validity.
        let expired = try signer("expired")
        #expect(verifier.check(signature: try openssl.sign(tbs, by: "expired"), over: tbs) == .verified(signer: expired, chainTrusted: true))
        #expect(!expired.isValid(at: Date()))
        // keyAgreement only: trusted chain, and the rule sees that the key may not sign.
        let wrongUsage = try signer("wrong-usage")
        #expect(verifier.check(signature: try openssl.sign(tbs, by: "wrong-usage"), over: tbs) == .verified(signer: wrongUsage, chainTrusted: true))
        #expect(!wrongUsage.maySign)
        // An agency certificate under the GCA-like CA.
        let agency = try TestKeys.certificate("agencies/gca/agency.pem")
        #expect(verifier.check(signature: try openssl.sign(tbs, by: "agencies/gca/agency"), over: tbs) == .verified(signer: agency, chainTrusted: true))
    }

    @Test func untrustedSignersVerifyButDoNotChain() throws {
        let untrusted = try signer("untrusted")
        #expect(verifier.check(signature: try openssl.sign(tbs, by: "untrusted"), over: tbs) == .verified(signer: untrusted, chainTrusted: false))
        // Carrying its own issuing CA and root does not make it trusted.
        let carried = try openssl.sign(tbs, by: "untrusted", options: ["-certfile", TestPKI.url("untrusted/issuing.pem").path])
        #expect(verifier.check(signature: carried, over: tbs) == .verified(signer: untrusted, chainTrusted: false))
    }

    @Test func intermediateCarriedInTheSignatureCompletesTheChain() throws {
        let rootOnly = DetachedSignatureVerifier(trustStore: try TrustStore(anchors: [TestKeys.certificate("ca/root.pem")]))
        let lead = try signer("lead")
        #expect(rootOnly.check(signature: try openssl.sign(tbs, by: "lead"), over: tbs) == .verified(signer: lead, chainTrusted: false))
        let carried = try openssl.sign(tbs, by: "lead", options: ["-certfile", TestPKI.url("ca/moica.pem").path])
        #expect(rootOnly.check(signature: carried, over: tbs) == .verified(signer: lead, chainTrusted: true))
        // …but not an intermediate of another hierarchy.
        let wrongIntermediate = try openssl.sign(tbs, by: "lead", options: ["-certfile", TestPKI.url("untrusted/issuing.pem").path])
        #expect(rootOnly.check(signature: wrongIntermediate, over: tbs) == .verified(signer: lead, chainTrusted: false))
    }

    @Test func malformedSignatures() throws {
        let good = try openssl.sign(tbs, by: "lead")
        let twoSigners = try openssl.sign(tbs, by: "lead", options: ["-signer", TestPKI.url("people/other/sign.pem").path,
                                                                     "-inkey", TestPKI.url("people/other/sign.key").path])
        let noCertificates = try openssl.sign(tbs, by: "lead", options: ["-nocerts"])
        let envelope = try EnvelopeRecipe.gcmDER.encrypt(folder.write(tbs, to: "tbs"), to: folder.file("env.der"))
        let samples: [(String, [UInt8])] = [
            ("empty", []),
            ("garbage", Array("not a signature".utf8)),
            ("truncated", Array(good.prefix(good.count / 2))),
            ("trailing byte", good + [0]),
            ("base64 text", Array(Data(good).base64EncodedString().utf8)),
            ("two signers", twoSigners),
            ("no certificates", noCertificates),
            ("an envelope", Array(try Data(contentsOf: envelope))),
            ("a certificate", try TestPKI.der("people/lead/sign.pem")),
        ]
        for (name, bytes) in samples {
            #expect(verifier.check(signature: bytes, over: tbs) == .malformed, "\(name)")
        }
    }

    @Test func signaturesCarryingOnlyOtherCertificatesAreMalformed() throws {
        // The signer's own certificate missing, another one present.
        let signature = try openssl.sign(tbs, by: "lead", options: ["-nocerts", "-certfile", TestPKI.url("people/other/sign.pem").path])
        #expect(verifier.check(signature: signature, over: tbs) == .malformed)
    }

    @Test func manyThreadsGetTheSameAnswers() throws {
        let cases: [([UInt8], [UInt8])] = [
            (try openssl.sign(tbs, by: "lead"), tbs),
            (try openssl.sign(tbs, by: "other", options: ["-noattr"]), tbs),
            (try openssl.sign(tbs, by: "untrusted"), tbs),
            (try openssl.sign(tbs, by: "expired"), tbs),
            (try openssl.sign(tbs, by: "lead"), OpenSSLSigner.tbs(id: "B123456789")),
            (Array("garbage".utf8), tbs),
        ]
        let expected = cases.map { verifier.check(signature: $0.0, over: $0.1) }
        let results = Slots<SignatureCheck>(count: 600)
        DispatchQueue.concurrentPerform(iterations: 600) { index in
            let (signature, content) = cases[index % cases.count]
            results.set(index, verifier.check(signature: signature, over: content))
        }
        #expect(results.values == (0..<600).map { expected[$0 % cases.count] })
    }
}
