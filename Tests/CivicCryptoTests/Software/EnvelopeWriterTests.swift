import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

/// The generator's streaming envelope writer: what it writes, CivicDesk's reader and the openssl
/// command line both decrypt to the same bytes.
@Suite("Envelopes written as a stream")
struct EnvelopeWriterTests {
    @Test(arguments: [(ContentEncryptionAlgorithm.aes256GCM, RSAPadding.pkcs1v15), (.aes128GCM, .oaep(.sha256)),
                      (.aes256CBC, .oaep(.sha1)), (.aes128CBC, .pkcs1v15)])
    func readBackByCivicDeskAndOpenSSL(algorithm: ContentEncryptionAlgorithm, padding: RSAPadding) throws {
        let folder = try TemporaryFolder()
        let plaintext = rosterText(lines: 5000)
        let file = folder.file("batch.cec")
        let writer = try EnvelopeWriter(url: file, recipients: [TestKeys.certificate("people/lead/enc.pem")],
                                        algorithm: algorithm, padding: padding)
        for start in stride(from: 0, to: plaintext.count, by: 100_000) {
            try writer.write(Array(plaintext[start..<min(start + 100_000, plaintext.count)]))
        }
        try writer.finish()

        let envelope = try EncryptedEnvelope(contentsOf: file)
        #expect(envelope.algorithm == algorithm && envelope.recipients.first?.padding == padding)
        #expect(try envelope.plaintext(with: TestKeys.encryption("lead")) == plaintext)
        let decrypted = folder.file("plain")
        var arguments = ["cms", "-decrypt", "-binary", "-inform", "DER", "-in", file.path, "-out", decrypted.path,
                         "-recip", TestPKI.url("people/lead/enc.pem").path, "-inkey", TestPKI.url("people/lead/enc.key").path]
        if case .oaep(let hash) = padding {
            arguments += ["-keyopt", "rsa_padding_mode:oaep"] + (hash == .sha256 ? ["-keyopt", "rsa_oaep_md:sha256"] : [])
        }
        try OpenSSLCommand.run(arguments)
        #expect(Array(try Data(contentsOf: decrypted)) == plaintext)
    }

    @Test func aFileLeftUnfinishedIsRefusedAsTruncated() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("cut.cec")
        do {
            let writer = try EnvelopeWriter(url: file, recipients: [TestKeys.certificate("people/lead/enc.pem")], algorithm: .aes256GCM)
            try writer.write(rosterText(lines: 2000))
        }
        let envelope = try EncryptedEnvelope(contentsOf: file)
        #expect(throws: EnvelopeError.truncated) { try envelope.plaintext(with: TestKeys.encryption("lead")) }
    }
}
