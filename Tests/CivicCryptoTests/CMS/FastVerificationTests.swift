import CivicCore
@testable import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

/// The verifier's fast path (the SignedData and certificate read from the DER, RSA on big numbers)
/// against the reference it replaces (`OpenSSLSignatureCheck`, OpenSSL's own decoding): when
/// the fast path answers, its answer must be OpenSSL's; signatures as other tools make them must
/// take it; damaged ones must never crash.
@Suite("Record signatures read from the DER agree with OpenSSL")
struct FastVerificationTests {
    let folder: TemporaryFolder
    let openssl: OpenSSLSigner
    let verifier: DetachedSignatureVerifier
    let reference: OpenSSLSignatureCheck
    let tbs = OpenSSLSigner.tbs()

    init() throws {
        folder = try TemporaryFolder()
        openssl = OpenSSLSigner(folder: folder)
        verifier = DetachedSignatureVerifier(trustStore: try TestKeys.trustStore())
        reference = OpenSSLSignatureCheck(trustStore: verifier.trustStore)
    }

    /// The fast path's answer (nil when it leaves the signature to OpenSSL), after checking that
    /// it and the verifier's agree with OpenSSL's.
    @discardableResult
    func agreement(_ signature: [UInt8], _ content: [UInt8], _ comment: Comment? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) -> SignatureCheck? {
        let expected = reference.check(signature: signature, over: content)
        let fast = verifier.fastCheck(signature: signature, over: content)
        if let fast { #expect(fast == expected, comment, sourceLocation: sourceLocation) }
        #expect(verifier.check(signature: signature, over: content) == expected, comment, sourceLocation: sourceLocation)
        // The verdict the record rules read, made without the signer's CertificateInfo.
        let fastVerdict = verifier.fastVerdict(signature: signature, over: content)
        #expect((fastVerdict == nil) == (fast == nil), comment, sourceLocation: sourceLocation)
        if let fastVerdict { #expect(fastVerdict == SignatureVerdict(expected), comment, sourceLocation: sourceLocation) }
        #expect(verifier.verdict(signature: signature, over: content) == SignatureVerdict(expected), comment, sourceLocation: sourceLocation)
        return fast
    }

    static let signers = ["lead", "other", "expired", "wrong-usage", "untrusted", "agencies/gca/agency", "agencies/moeaca/agency"]

    @Test(arguments: [[], ["-noattr"], ["-nosmimecap"], ["-nodetach"], ["-nodetach", "-noattr"], ["-keyid"], ["-keyid", "-noattr"]])
    func openSSLMadeSignaturesTakeTheFastPath(_ options: [String]) throws {
        for person in Self.signers {
            let signature = try openssl.sign(tbs, by: person, options: options)
            #expect(agreement(signature, tbs, "\(person) \(options)") != nil, "\(person) \(options)")
            #expect(agreement(signature, OpenSSLSigner.tbs(name: "王小明"), "\(person) altered") != nil)
        }
    }

    @Test func carriedCertificatesAgree() throws {
        let rootOnly = DetachedSignatureVerifier(trustStore: try TrustStore(anchors: [TestKeys.certificate("ca/root.pem")]))
        let rootReference = OpenSSLSignatureCheck(trustStore: rootOnly.trustStore)
        for extra in ["ca/moica.pem", "untrusted/issuing.pem", "people/other/sign.pem"] {
            let signature = try openssl.sign(tbs, by: "lead", options: ["-certfile", TestPKI.url(extra).path])
            agreement(signature, tbs, "\(extra)")
            #expect(rootOnly.check(signature: signature, over: tbs) == rootReference.check(signature: signature, over: tbs), "\(extra)")
        }
        let onlyOthers = try openssl.sign(tbs, by: "lead", options: ["-nocerts", "-certfile", TestPKI.url("people/other/sign.pem").path])
        #expect(agreement(onlyOthers, tbs) == .malformed)
        let twoSigners = try openssl.sign(tbs, by: "lead", options: ["-signer", TestPKI.url("people/other/sign.pem").path,
                                                                     "-inkey", TestPKI.url("people/other/sign.key").path])
        #expect(agreement(twoSigners, tbs) == .malformed)
    }

    @Test func otherAlgorithmsAgree() throws {
        for options in [["-md", "sha1"], ["-md", "sha512"], ["-keyopt", "rsa_padding_mode:pss"]] {
            agreement(try openssl.sign(tbs, by: "lead", options: options), tbs, "\(options)")
        }
    }

    /// Every octet of two signatures changed three ways: whatever the fast path answers is
    /// OpenSSL's answer.
    @Test(arguments: [[], ["-noattr", "-keyid"]])
    func changedOctetsAgree(_ options: [String]) throws {
        let good = try openssl.sign(tbs, by: "lead", options: options)
        var random = SystemRandomNumberGenerator()
        var fastAnswers = 0
        for index in good.indices {
            for change in [{ $0 ^ 0x01 }, { $0 ^ 0x80 }, { (_: UInt8) in UInt8.random(in: 0...255, using: &random) }] as [(UInt8) -> UInt8] {
                var changed = good
                changed[index] = change(changed[index])
                if agreement(changed, tbs, "octet \(index)") != nil { fastAnswers += 1 }
            }
        }
        // Most changes land in the certificate's or signature's values, which the fast path reads.
        #expect(fastAnswers > good.count)
    }

    @Test func truncatedAndExtendedSignaturesAreMalformed() throws {
        let good = try openssl.sign(tbs, by: "lead")
        for length in 0..<good.count {
            #expect(verifier.check(signature: Array(good.prefix(length)), over: tbs) == .malformed, "\(length) octets")
        }
        for extra: [UInt8] in [[0], [0, 0], [0x30, 0x00]] {
            #expect(verifier.check(signature: good + extra, over: tbs) == .malformed)
        }
    }

    @Test func digestsMatchOpenSSLsStreamedOnes() {
        var random = SystemRandomNumberGenerator()
        for length in [0, 1, 55, 56, 64, 1000, 4096] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            var streamed = Digest()
            streamed.update(bytes)
            #expect(Digest.sha256(bytes) == streamed.finish())
        }
    }
}
