import Foundation

/// The committed TEST PKI under `data/test-pki/` (see its README): paths and file contents.
public enum TestPKI {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/test-pki")

    public static func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(relativePath)))
    }

    public static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: url(relativePath), encoding: .utf8)
    }

    /// The DER of a PEM certificate file, decoded here without OpenSSL so tests can compare bytes.
    public static func der(_ relativePath: String) throws -> [UInt8] {
        try der(pemFile: url(relativePath))
    }

    /// The DER of the (first) certificate in a PEM file anywhere.
    public static func der(pemFile: URL) throws -> [UInt8] {
        let body = try String(contentsOf: pemFile, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("-----") }.joined()
        guard let data = Data(base64Encoded: body) else { throw CocoaError(.fileReadCorruptFile) }
        return Array(data)
    }

    /// The names, ID numbers and card numbers of the test persons (`people.json`).
    public struct Person: Decodable, Sendable {
        public let name: String
        public let id: String
        public let cardNumber: String
    }

    public struct People: Decodable, Sendable {
        public let pin: String
        public let soPin: String
        public let people: [String: Person]
    }

    public static func people() throws -> People {
        try JSONDecoder().decode(People.self, from: Data(contentsOf: url("people.json")))
    }
}
