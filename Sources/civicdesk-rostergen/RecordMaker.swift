import CivicCore
import CivicCrypto
import Foundation

/// Turns a planned record into its line (spec §2): a certificate of its own for the signer,
/// issued by the test MOICA CA (or, for an untrusted certificate, by a CA outside the trust
/// anchors) for one key of a reused pool, the statement signed as a detached CMS by that key,
/// and the defect the plan asks for. Thread-safe: records are made on all cores.
struct RecordMaker: Sendable {
    let plan: RosterPlan
    let keys: [RSAPrivateKey]
    let trusted: CertificateIssuer
    let untrusted: CertificateIssuer

    static let statement = "本人同意連署上列公民投票案。"

    func line(_ record: RosterPlan.Record) throws -> [UInt8] {
        let defect = record.defect
        let name = defect == .identityMismatch ? Names.misspelled(record.person.name, record.variant) : record.person.name
        let key = keys[record.index % keys.count]
        let issuer = defect == .untrustedCertificate ? untrusted : trusted
        let certificate = try issuer.issue(request(for: record), for: key)
        var fields: [(String, String)] = [
            ("caseId", defect == .caseMismatch ? plan.caseId + "9" : plan.caseId),
            ("signedAt", record.signedAt.rfc3339),
            ("id", defect == .invalidID ? Self.wrongCheckDigit(record.person.id) : record.person.id),
            ("name", name),
            ("birthDate", record.person.birthDate.iso),
            ("address", record.person.address),
            ("statement", Self.statement),
        ]
        let malformation = defect == .malformed ? record.variant % 3 : nil
        if malformation == 0 { fields.removeLast() }
        let signed = Self.json(fields)
        var signature = try DetachedSigner.sign(signed, with: SoftwareKey(privateKey: key, certificate: certificate),
                                                signingTime: record.signedAt.instant)
        var tbs = signed
        if defect == .badSignature {
            fields[5].1 = Names.address(record.variant)
            if fields[5].1 == record.person.address { fields[5].1 += "之1" }
            tbs = Self.json(fields)
        }
        if malformation == 1 { signature = Array("not a CMS signature".utf8) }
        let line = #"{"type":"record","seq":\#(record.seq),"tbs":"\#(Data(tbs).base64EncodedString())","sig":"\#(Data(signature).base64EncodedString())"}"#
        // The third way to be malformed: a line cut short, no longer JSON at all.
        return malformation == 2 ? Array(line.utf8.prefix(line.utf8.count / 2)) : Array(line.utf8)
    }

    /// A 自然人憑證 signing certificate whose validity covers the signing time, or (for an
    /// expired one) ended a month before it.
    private func request(for record: RosterPlan.Record) -> CertificateRequest {
        let year: TimeInterval = 365.25 * 86_400
        let signed = record.signedAt.instant
        let (notBefore, notAfter) = record.defect == .certificateExpired
            ? (signed.addingTimeInterval(-6 * year), signed.addingTimeInterval(-30 * 86_400))
            : (plan.start.addingTimeInterval(-year), plan.start.addingTimeInterval(9 * year))
        return CertificateRequest.naturalPersonSigning(
            name: record.person.name, subjectSerialNumber: String(format: "%016d", 20_000_000 + record.index),
            serialHex: String(format: "3%015X", record.index), notBefore: notBefore, notAfter: notAfter)
    }

    private static func wrongCheckDigit(_ id: String) -> String {
        guard let last = id.last?.wholeNumberValue else { return id }
        return String(id.dropLast()) + String((last + 1) % 10)
    }

    /// A JSON object of string fields, in the given order (the names and values here need no
    /// escaping beyond quotes and backslashes, which are escaped anyway).
    private static func json(_ fields: [(String, String)]) -> [UInt8] {
        let body = fields.map { "\"\($0.0)\":\"\(escape($0.1))\"" }.joined(separator: ",")
        return Array("{\(body)}".utf8)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
