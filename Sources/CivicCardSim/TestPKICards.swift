import CivicCore
import Foundation

/// Builds virtual cards from the committed test PKI (`data/test-pki`): a person's card holds
/// their two certificates, an agency card its one certificate, each with the issuing CA and the
/// root found by name among the PKI's CA certificates.
///
/// Agency card layout (chosen here, documented in the cardsim's help): the same HiCOS store as a
/// 自然人憑證, the agency certificate in the signature slot (0x1500), the encryption slot
/// (0x0E00) left empty, because the test agencies have one certificate that signs and decrypts.
public struct TestPKICards: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case issuerNotFound(String)

        public var description: String {
            switch self {
            case .unreadable(let path): "cannot read a PEM certificate from \(path)"
            case .issuerNotFound(let path): "no CA certificate in the test PKI issued \(path)"
            }
        }
    }

    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func card(_ persona: CardPersona) throws -> VirtualCard {
        switch persona {
        case .person(let name):
            let signature = try certificate("people/\(name)/sign.pem")
            let chain = try issuerAndRoot(of: signature, named: "people/\(name)/sign.pem")
            return .hiCOS(kind: .naturalPerson, certificates: [
                .signature: signature, .encryption: try certificate("people/\(name)/enc.pem"),
                .issuer: chain.issuer, .root: chain.root,
            ])
        case .agency(let name):
            let agency = try certificate("agencies/\(name)/agency.pem")
            let chain = try issuerAndRoot(of: agency, named: "agencies/\(name)/agency.pem")
            return .hiCOS(kind: .agency, certificates: [.signature: agency, .issuer: chain.issuer, .root: chain.root])
        case .healthInsurance:
            return .healthInsurance
        case .unknown:
            return .unknown
        }
    }

    private func certificate(_ relativePath: String) throws -> [UInt8] {
        let url = directory.appendingPathComponent(relativePath)
        guard let text = try? String(contentsOf: url, encoding: .utf8), let der = PEM.firstBlock(text) else {
            throw Failure.unreadable(url.path)
        }
        return der
    }

    /// Searches `ca/` and `untrusted/` for the certificate whose subject is `certificate`'s issuer.
    private func issuerAndRoot(of certificate: [UInt8], named name: String) throws -> (issuer: [UInt8], root: [UInt8]) {
        let authorities = try ["ca", "untrusted"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)
                .filter { $0.hasSuffix(".pem") }.sorted()
                .map { try self.certificate("\(folder)/\($0)") }
        }
        func issuer(of der: [UInt8]) -> [UInt8]? {
            guard let names = CertificateNames(der: der) else { return nil }
            return authorities.first { CertificateNames(der: $0)?.subject == names.issuer }
        }
        guard let issuing = issuer(of: certificate), let root = issuer(of: issuing) else { throw Failure.issuerNotFound(name) }
        return (issuing, root)
    }
}

/// The base64 body of PEM text.
enum PEM {
    static func firstBlock(_ text: String) -> [UInt8]? {
        guard let begin = text.range(of: "-----BEGIN CERTIFICATE-----"),
              let end = text.range(of: "-----END CERTIFICATE-----", range: begin.upperBound..<text.endIndex) else { return nil }
        let body = text[begin.upperBound..<end.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body)).map(Array.init)
    }
}
