import CivicTestSupport
import Foundation

/// The `openssl` command, as an independent party: it verifies what the token signed and
/// encrypts what the token must decrypt.
struct OpenSSLTool {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("civicdesk-openssl.\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
        try Subprocess.run(URL(fileURLWithPath: "/usr/bin/openssl"), arguments)
    }

    /// The public key of a PEM certificate of the test PKI, as a PEM file.
    func publicKey(ofCertificate relativePath: String) throws -> String {
        let path = folder.appendingPathComponent(UUID().uuidString + ".pub").path
        let result = try run(["x509", "-in", TestPKI.url(relativePath).path, "-pubkey", "-noout", "-out", path])
        guard result.status == 0 else { throw CardLab.Failure(description: result.error) }
        return path
    }

    func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
