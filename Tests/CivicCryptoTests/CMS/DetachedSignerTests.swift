import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

@Suite("Signing the submission manifest")
struct DetachedSignerTests {
    let folder: TemporaryFolder
    let manifest = Array(#"{"format":"tw.cec.petition-submission","version":1,"caseId":"113002","packedBy":"王大明"}"#.utf8)
    /// 2024-03-07T09:00:00+08:00
    let packedAt = Date(timeIntervalSince1970: 1_709_773_200)

    init() throws {
        folder = try TemporaryFolder()
    }

    /// The root and MOICA-like CA in one file, for `-CAfile`.
    private func caFile() throws -> URL {
        try folder.write(TestPKI.bytes("ca/root.pem") + TestPKI.bytes("ca/moica.pem"), to: "ca.pem")
    }

    private func opensslVerify(_ signature: [UInt8], over content: [UInt8]) throws -> Int32 {
        let signatureFile = try folder.write(signature, to: "manifest.json.p7s")
        let contentFile = try folder.write(content, to: "manifest.json")
        return try OpenSSLCommand.status(["cms", "-verify", "-binary", "-inform", "DER", "-in", signatureFile.path,
                                          "-content", contentFile.path, "-CAfile", caFile().path, "-out", "/dev/null"]).status
    }

    @Test func opensslAcceptsTheSignature() throws {
        let key = try TestKeys.signing("lead")
        let signature = try DetachedSigner.sign(manifest, with: key, signingTime: packedAt)
        #expect(try opensslVerify(signature, over: manifest) == 0)
        #expect(try opensslVerify(signature, over: manifest + Array(" ".utf8)) != 0)
        let verifier = DetachedSignatureVerifier(trustStore: try TestKeys.trustStore())
        #expect(verifier.check(signature: signature, over: manifest) == .verified(signer: key.certificate, chainTrusted: true))
    }

    @Test func signedAttributesAreTheThreeOfTheSpec() throws {
        let signature = try DetachedSigner.sign(manifest, with: TestKeys.signing("lead"), signingTime: packedAt)
        let printed = try OpenSSLCommand.run(["cms", "-cmsout", "-print", "-inform", "DER", "-in", folder.write(signature, to: "s.p7s").path])
        #expect(printed.contains("contentType") && printed.contains("messageDigest") && printed.contains("signingTime"))
        #expect(printed.contains("UTCTIME:Mar  7 01:00:00 2024 GMT"))
        #expect(!printed.contains("SMIMECapabilities"))
        #expect(printed.contains("eContent: <ABSENT>"))
        #expect(printed.components(separatedBy: "object: signingTime").count == 2)
    }

    @Test func sameInputsMakeTheSameBytes() throws {
        let key = try TestKeys.signing("lead")
        let first = try DetachedSigner.sign(manifest, with: key, signingTime: packedAt)
        #expect(try DetachedSigner.sign(manifest, with: key, signingTime: packedAt) == first)
        #expect(try DetachedSigner.sign(manifest, with: key, signingTime: packedAt.addingTimeInterval(1)) != first)
    }

    @Test func cardErrorsReachTheCallerUnchanged() throws {
        let card = UnpluggedCard(certificate: try TestKeys.signing("lead").certificate)
        #expect(throws: UnpluggedCard.Removed()) { _ = try DetachedSigner.sign(manifest, with: card, signingTime: packedAt) }
    }
}
