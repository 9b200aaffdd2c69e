import Foundation

/// `openssl cms -encrypt` as another tool would make a batch file (spec §1): the content cipher
/// (`aes-256-gcm` gives AuthEnvelopedData, `aes-256-cbc` EnvelopedData), the key transport
/// (`keyOptions`: none for PKCS#1 v1.5, `oaepSHA256` / `oaepSHA1`), PEM or DER, streamed
/// (indefinite lengths) or not, and recipients named by issuer and serial or by key identifier.
public struct CMSEncryptCommand: Sendable, Hashable {
    public static let oaepSHA256 = ["rsa_padding_mode:oaep", "rsa_oaep_md:sha256"]
    public static let oaepSHA1 = ["rsa_padding_mode:oaep"]

    public var cipher: String
    public var keyOptions: [String]
    public var pem = false
    public var stream = false
    public var keyIdentifier = false

    public init(cipher: String, keyOptions: [String] = [], pem: Bool = false, stream: Bool = false, keyIdentifier: Bool = false) {
        self.cipher = cipher
        self.keyOptions = keyOptions
        self.pem = pem
        self.stream = stream
        self.keyIdentifier = keyIdentifier
    }

    /// Encrypts the file `plaintext` into `output` for the certificates `recipients` (PEM files).
    @discardableResult
    public func encrypt(_ plaintext: URL, to output: URL, recipients: [URL]) throws -> URL {
        var arguments = ["cms", "-encrypt", "-binary", "-in", plaintext.path, "-out", output.path,
                         "-outform", pem ? "PEM" : "DER", "-\(cipher)"]
        if stream { arguments.append("-stream") }
        if keyIdentifier { arguments.append("-keyid") }
        for recipient in recipients {
            arguments += ["-recip", recipient.path]
            for option in keyOptions { arguments += ["-keyopt", option] }
        }
        try OpenSSLCommand.run(arguments)
        return output
    }
}

/// `openssl cms -sign -binary -md sha256` by a certificate and its key: a detached DER
/// SignedData carrying the certificate, with signed attributes unless `options` has `-noattr`.
public enum CMSSignCommand {
    public static func sign(_ content: [UInt8], certificate: URL, key: URL, options: [String] = [],
                            scratch: TemporaryFolder) throws -> [UInt8] {
        let name = UUID().uuidString
        let input = try scratch.write(content, to: "tbs-\(name)")
        let output = scratch.file("sig-\(name).p7s")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try OpenSSLCommand.run(["cms", "-sign", "-binary", "-md", "sha256", "-in", input.path, "-out", output.path,
                                "-outform", "DER", "-signer", certificate.path, "-inkey", key.path] + options)
        return Array(try Data(contentsOf: output))
    }
}

extension OpenSSLCommand {
    /// The SHA-256 of `bytes`, lower-case hex, by `openssl dgst`.
    public static func sha256Hex(_ bytes: [UInt8]) throws -> String {
        let result = try Subprocess.run(URL(fileURLWithPath: "/usr/bin/openssl"), ["dgst", "-sha256", "-r"], standardInput: Data(bytes))
        guard result.status == 0, let hex = result.output.split(separator: " ").first, hex.count == 64 else {
            throw Failure(arguments: ["dgst", "-sha256"], status: result.status, standardError: result.error)
        }
        return String(hex)
    }
}
