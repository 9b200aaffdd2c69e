import CivicCore
@testable import CivicCrypto
import CivicTestSupport
import Foundation
import Testing

@Suite("Encrypted batch files (CMS envelopes)")
struct EnvelopeTests {
    let folder: TemporaryFolder
    let plaintext = rosterText(lines: 3000)
    let plaintextFile: URL

    init() throws {
        folder = try TemporaryFolder()
        plaintextFile = try folder.write(plaintext, to: "plain.jsonl")
    }

    private func encrypted(_ recipe: EnvelopeRecipe, recipients: [String] = ["people/lead/enc.pem"]) throws -> URL {
        try recipe.encrypt(plaintextFile, to: folder.file("batch-\(UUID().uuidString).cec"), recipients: recipients)
    }

    @Test(arguments: EnvelopeRecipe.all)
    func decryptsWhatOpenSSLEncrypted(_ recipe: EnvelopeRecipe) throws {
        let envelope = try EncryptedEnvelope(contentsOf: encrypted(recipe))
        #expect(envelope.contentType == recipe.contentType)
        #expect(envelope.algorithm == recipe.algorithm)
        let key = try TestKeys.encryption("lead")
        let recipient = try #require(envelope.recipient(for: key.certificate))
        #expect(envelope.recipients == [recipient])
        #expect(recipient.padding == recipe.padding)
        if recipe.keyIdentifier {
            #expect(recipient.identifier == .subjectKeyIdentifier(try #require(key.certificate.subjectKeyIdentifier)))
        } else {
            #expect(recipient.identifier == .issuerAndSerialNumber(issuer: key.certificate.issuer, serialHex: key.certificate.serialHex))
        }

        var output: [UInt8] = []
        var chunks = 0
        let summary = try envelope.decrypt(with: key, chunkSize: 64 * 1024) { chunk in
            output += chunk
            chunks += 1
        }
        #expect(Digest.sha256Hex(output) == Digest.sha256Hex(plaintext))
        #expect(chunks >= 2, "a payload larger than one chunk arrives in several")
        #expect(summary == DecryptionSummary(plaintextBytes: Int64(plaintext.count), algorithm: recipe.algorithm,
                                             authenticated: recipe.algorithm.isAuthenticated))
        // The file stays open: it can be decrypted again (after a wrong PIN, for example).
        #expect(try Digest.sha256Hex(envelope.plaintext(with: key)) == Digest.sha256Hex(plaintext))
    }

    @Test func severalRecipientsEachDecrypt() throws {
        let file = try encrypted(EnvelopeRecipe.gcmDER, recipients: ["people/other/enc.pem", "people/lead/enc.pem", "people/admin/enc.pem"])
        let envelope = try EncryptedEnvelope(contentsOf: file)
        #expect(envelope.recipients.count == 3)
        for person in ["lead", "other", "admin"] {
            let key = try TestKeys.encryption(person)
            #expect(envelope.recipient(for: key.certificate) != nil)
            #expect(try Digest.sha256Hex(envelope.plaintext(with: key)) == Digest.sha256Hex(plaintext))
        }
        // The signing certificate of the same card is not a recipient.
        #expect(envelope.recipient(for: try TestKeys.certificate("people/lead/sign.pem")) == nil)
    }

    @Test func fileForAnotherCardNamesItsRecipients() throws {
        let envelope = try EncryptedEnvelope(contentsOf: encrypted(EnvelopeRecipe.gcmDER, recipients: ["people/other/enc.pem"]))
        let other = try TestKeys.certificate("people/other/enc.pem")
        let expected = EnvelopeError.notForThisCard(recipients: [.issuerAndSerialNumber(issuer: other.issuer, serialHex: other.serialHex)])
        #expect(throws: expected) { _ = try envelope.plaintext(with: TestKeys.encryption("lead")) }
        #expect(expected.message.zh.contains(other.serialHex) && expected.message.zh.contains("(MOICA)"))
        #expect(expected.message.en.contains("serial \(other.serialHex)"))

        let byKeyIdentifier = try EncryptedEnvelope(contentsOf: encrypted(EnvelopeRecipe.cbcDER, recipients: ["people/other/enc.pem"]))
        let identifier = try #require(other.subjectKeyIdentifier)
        #expect(throws: EnvelopeError.notForThisCard(recipients: [.subjectKeyIdentifier(identifier)])) {
            _ = try byKeyIdentifier.plaintext(with: TestKeys.encryption("lead"))
        }
        #expect(EnvelopeRecipient.Identifier.subjectKeyIdentifier(identifier).name.zh.contains(Digest.hex(identifier)))
    }

    @Test func alteredGCMContentOrTagIsTampered() throws {
        let original = Array(try Data(contentsOf: encrypted(EnvelopeRecipe.gcmDER)))
        let key = try TestKeys.encryption("lead")
        // The tag is the last element of a DER AuthEnvelopedData; the ciphertext is in the middle.
        for position in [original.count - 1, original.count / 2] {
            var altered = original
            altered[position] ^= 0x01
            let envelope = try EncryptedEnvelope(contentsOf: folder.write(altered, to: "altered.cec"))
            var delivered = 0
            #expect(throws: EnvelopeError.tampered) { try envelope.decrypt(with: key) { delivered += $0.count } }
            // Plaintext was handed over provisionally; the failure is what tells the caller to drop it.
            #expect(delivered > 0)
        }
    }

    @Test func alteredCBCPaddingIsTampered() throws {
        var bytes = Array(try Data(contentsOf: encrypted(EnvelopeRecipe.cbcDER)))
        // The DER EnvelopedData ends with the ciphertext: flipping every bit of the last byte of
        // the next-to-last block turns the padding length (1…16) into 0xEE…0xFE.
        bytes[bytes.count - 17] ^= 0xFF
        let envelope = try EncryptedEnvelope(contentsOf: folder.write(bytes, to: "altered.cec"))
        #expect(throws: EnvelopeError.tampered) { _ = try envelope.plaintext(with: TestKeys.encryption("lead")) }
    }

    @Test(arguments: [EnvelopeRecipe.gcmDER, EnvelopeRecipe.all[1], EnvelopeRecipe.all[2], EnvelopeRecipe.cbcDER])
    func truncatedFilesAreRefused(_ recipe: EnvelopeRecipe) throws {
        let bytes = Array(try Data(contentsOf: encrypted(recipe)))
        let key = try TestKeys.encryption("lead")
        // A PEM file cut anywhere but in its END line loses data; a DER file loses data anywhere.
        for length in recipe.pem ? [bytes.count / 2, bytes.count / 3] : [bytes.count - 1, bytes.count / 2] {
            let file = try folder.write(Array(bytes.prefix(length)), to: "cut.cec")
            #expect(throws: EnvelopeError.truncated, "\(recipe) cut to \(length)") {
                _ = try EncryptedEnvelope(contentsOf: file).plaintext(with: key)
            }
        }
        // Cut inside the recipient list: refused when opened.
        if !recipe.pem {
            let file = try folder.write(Array(bytes.prefix(200)), to: "short.cec")
            #expect(throws: EnvelopeError.truncated) { try EncryptedEnvelope(contentsOf: file) }
        }
    }

    @Test func pemWithWindowsLineEndingsReads() throws {
        let text = try String(contentsOf: encrypted(EnvelopeRecipe.all[3]), encoding: .utf8)
        let file = try folder.write(Array(("\r\n" + text.replacingOccurrences(of: "\n", with: "\r\n")).utf8), to: "crlf.cec")
        #expect(try Digest.sha256Hex(EncryptedEnvelope(contentsOf: file).plaintext(with: TestKeys.encryption("lead"))) == Digest.sha256Hex(plaintext))
    }

    @Test func filesThatAreNotCMSAreRefused() throws {
        let samples: [(String, [UInt8])] = [
            ("empty", []),
            ("text", Array("caseId,name\n113002,王小明\n".utf8)),
            ("random", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }),
            ("certificate PEM", try TestPKI.bytes("people/lead/enc.pem")),
            ("certificate DER", try TestPKI.der("people/lead/enc.pem")),
            ("private key", try TestPKI.bytes("people/lead/enc.key")),
            // Found by `make fuzz` (Fuzz/Targets/cms-envelope.swift): a file ending inside its BEGIN
            // line, too short for the dashes after the label, stopped the process (a range fault).
            ("cut in the BEGIN line", Array("-----BEGIN CMSb".utf8)),
            ("only BEGIN", Array("-----BEGIN ".utf8)),
            ("BEGIN and a dash", Array("\n-----BEGIN CMS-".utf8)),
        ]
        for (name, bytes) in samples {
            let file = try folder.write(bytes, to: "\(name).cec")
            #expect(throws: EnvelopeError.notCMS, "\(name)") { try EncryptedEnvelope(contentsOf: file) }
        }
    }

    @Test func signedDataIsNotAnEnvelope() throws {
        let signature = folder.file("signed.p7s")
        try OpenSSLCommand.run(["cms", "-sign", "-binary", "-in", plaintextFile.path, "-out", signature.path, "-outform", "DER",
                                "-signer", TestPKI.url("people/lead/sign.pem").path, "-inkey", TestPKI.url("people/lead/sign.key").path])
        #expect(throws: EnvelopeError.unsupportedContentType("pkcs7-signedData (1.2.840.113549.1.7.2)")) {
            try EncryptedEnvelope(contentsOf: signature)
        }
    }

    @Test func unsupportedAlgorithmsAreNamed() throws {
        let aes192 = EnvelopeRecipe(cipher: "aes-192-cbc", pem: false, stream: false, keyIdentifier: false, keyOptions: [],
                                    algorithm: .aes256CBC, padding: .pkcs1v15)
        #expect(throws: EnvelopeError.unsupportedAlgorithm("aes-192-cbc (2.16.840.1.101.3.4.1.22)")) {
            try EncryptedEnvelope(contentsOf: encrypted(aes192))
        }

        let sha384 = EnvelopeRecipe(cipher: "aes-256-gcm", pem: false, stream: false, keyIdentifier: false,
                                    keyOptions: ["rsa_padding_mode:oaep", "rsa_oaep_md:sha384"], algorithm: .aes256GCM, padding: .pkcs1v15)
        let envelope = try EncryptedEnvelope(contentsOf: encrypted(sha384))
        let key = try TestKeys.encryption("lead")
        let recipient = try #require(envelope.recipient(for: key.certificate))
        #expect(recipient.padding == nil)
        #expect(throws: EnvelopeError.unsupportedAlgorithm("RSAES-OAEP (unsupported parameters)")) { _ = try envelope.plaintext(with: key) }
    }

    @Test func keyOfTheWrongLengthIsAnUnwrapFailure() throws {
        // Relabel an AES-128-CBC file as AES-256-CBC: the card unwraps a 16-byte key for a
        // cipher that needs 32.
        let aes128CBC = EnvelopeRecipe(cipher: "aes-128-cbc", pem: false, stream: false, keyIdentifier: false, keyOptions: [],
                                       algorithm: .aes128CBC, padding: .pkcs1v15)
        var bytes = Array(try Data(contentsOf: encrypted(aes128CBC)))
        let aes128 = try #require(Data(base64Encoded: "BglghkgBZQMEAQI=")).map { $0 }
        let at = try #require((0...(bytes.count - aes128.count)).first { Array(bytes[$0..<$0 + aes128.count]) == aes128 })
        bytes[at + aes128.count - 1] = 0x2A
        let envelope = try EncryptedEnvelope(contentsOf: folder.write(bytes, to: "relabelled.cec"))
        #expect(envelope.algorithm == .aes256CBC)
        #expect(throws: EnvelopeError.keyUnwrapFailed) { _ = try envelope.plaintext(with: TestKeys.encryption("lead")) }
    }

    @Test func cardErrorsReachTheCallerUnchanged() throws {
        let envelope = try EncryptedEnvelope(contentsOf: encrypted(EnvelopeRecipe.gcmDER))
        let card = UnpluggedCard(certificate: try TestKeys.encryption("lead").certificate)
        #expect(throws: UnpluggedCard.Removed()) { _ = try envelope.plaintext(with: card) }
    }

    @Test func progressAndCancellation() throws {
        let large = try folder.write(rosterText(lines: 40_000), to: "large.jsonl")
        let file = try EnvelopeRecipe.all[2].encrypt(large, to: folder.file("large.cec"))
        let envelope = try EncryptedEnvelope(contentsOf: file)
        let key = try envelope.unwrapContentKey(with: TestKeys.encryption("lead"))
        var seen: [EnvelopeProgress] = []
        try envelope.decrypt(using: key, chunkSize: 16 * 1024, progress: { seen.append($0) }) { _ in }
        // About one report per megabyte of the file, and the last at its end.
        #expect((3...5).contains(seen.count))
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesRead <= $1.bytesRead })
        #expect(seen.last == EnvelopeProgress(bytesRead: envelope.fileSize, totalBytes: envelope.fileSize))
        #expect(seen.last?.fraction == 1)

        var chunks = 0
        #expect(throws: CancellationError.self) {
            try envelope.decrypt(using: key, chunkSize: 16 * 1024, isCancelled: { chunks > 0 }) { _ in chunks += 1 }
        }
        #expect(chunks == 1)
    }

    @Test func missingFileCannotBeRead() {
        let missing = folder.file("nowhere.cec")
        #expect(throws: EnvelopeError.cannotRead(path: missing.path, reason: "No such file or directory")) {
            try EncryptedEnvelope(contentsOf: missing)
        }
    }

    @Test func everyErrorSaysWhatToDoInBothLanguages() {
        let errors: [EnvelopeError] = [
            .cannotRead(path: "/x", reason: "r"), .notCMS, .unsupportedContentType("t"),
            .notForThisCard(recipients: []), .unsupportedAlgorithm("a"), .keyUnwrapFailed, .tampered, .truncated, .damaged,
        ]
        for error in errors {
            #expect(error.message.zh.count > 10 && error.message.en.count > 20)
        }
        #expect(Set(errors.map(\.message.zh)).count == errors.count)
    }
}
