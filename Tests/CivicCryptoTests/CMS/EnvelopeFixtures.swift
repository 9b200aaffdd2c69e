import CivicCore
import CivicCrypto
import CivicTestSupport
import Foundation

/// How `openssl cms -encrypt` is asked to make an envelope, and what CivicDesk should read in it.
struct EnvelopeRecipe: Sendable, CustomStringConvertible {
    let cipher: String
    let pem: Bool
    let stream: Bool
    let keyIdentifier: Bool
    let keyOptions: [String]
    let algorithm: ContentEncryptionAlgorithm
    let padding: RSAPadding

    var contentType: EncryptedEnvelope.ContentType {
        algorithm.isAuthenticated ? .authEnvelopedData : .envelopedData
    }

    var description: String {
        "\(cipher) \(pem ? "PEM" : "DER")\(stream ? " streamed" : "") \(keyIdentifier ? "SKI" : "issuer+serial") \(padding)"
    }

    static let oaepSHA256 = CMSEncryptCommand.oaepSHA256
    static let oaepSHA1 = CMSEncryptCommand.oaepSHA1

    /// Both content types, both ciphers sizes, both paddings (OAEP with both hashes), both
    /// recipient forms, DER and PEM, definite and indefinite lengths.
    static let all: [EnvelopeRecipe] = [
        EnvelopeRecipe(cipher: "aes-256-gcm", pem: false, stream: false, keyIdentifier: false, keyOptions: [],
                       algorithm: .aes256GCM, padding: .pkcs1v15),
        EnvelopeRecipe(cipher: "aes-128-gcm", pem: true, stream: true, keyIdentifier: true, keyOptions: oaepSHA256,
                       algorithm: .aes128GCM, padding: .oaep(.sha256)),
        EnvelopeRecipe(cipher: "aes-256-gcm", pem: false, stream: true, keyIdentifier: false, keyOptions: oaepSHA1,
                       algorithm: .aes256GCM, padding: .oaep(.sha1)),
        EnvelopeRecipe(cipher: "aes-128-gcm", pem: true, stream: false, keyIdentifier: false, keyOptions: [],
                       algorithm: .aes128GCM, padding: .pkcs1v15),
        EnvelopeRecipe(cipher: "aes-256-cbc", pem: false, stream: false, keyIdentifier: true, keyOptions: [],
                       algorithm: .aes256CBC, padding: .pkcs1v15),
        EnvelopeRecipe(cipher: "aes-128-cbc", pem: true, stream: false, keyIdentifier: false, keyOptions: oaepSHA256,
                       algorithm: .aes128CBC, padding: .oaep(.sha256)),
        EnvelopeRecipe(cipher: "aes-256-cbc", pem: false, stream: true, keyIdentifier: false, keyOptions: oaepSHA1,
                       algorithm: .aes256CBC, padding: .oaep(.sha1)),
        EnvelopeRecipe(cipher: "aes-128-cbc", pem: true, stream: true, keyIdentifier: true, keyOptions: [],
                       algorithm: .aes128CBC, padding: .pkcs1v15),
    ]

    static let gcmDER = all[0]
    static let cbcDER = all[4]

    /// Encrypts `plaintext` with the openssl command line for the TEST PKI certificates
    /// `recipients` (paths under data/test-pki).
    func encrypt(_ plaintext: URL, to output: URL, recipients: [String] = ["people/lead/enc.pem"]) throws -> URL {
        try CMSEncryptCommand(cipher: cipher, keyOptions: keyOptions, pem: pem, stream: stream, keyIdentifier: keyIdentifier)
            .encrypt(plaintext, to: output, recipients: recipients.map(TestPKI.url))
    }
}

/// Roster-like JSON Lines text of about `lines` × 120 bytes.
func rosterText(lines: Int) -> [UInt8] {
    var text = ""
    for seq in 1...lines {
        text += #"{"type":"record","seq":\#(seq),"tbs":"\#(String(repeating: "QUJD", count: 12))","sig":"王小明 \#(seq * 7919)"}"# + "\n"
    }
    return Array(text.utf8)
}

extension EncryptedEnvelope {
    /// The whole plaintext, for tests with small files.
    func plaintext(with key: some PrivateKeyOperations) throws -> [UInt8] {
        var output: [UInt8] = []
        try decrypt(with: key) { output += $0 }
        return output
    }
}
