/// The rules of spec §3 applied in order to the facts about one record. The duplicate rule
/// spans the whole case and lives in `DuplicateRule`; everything else is decided here.
public enum RecordRules {
    /// Signers must be at least this old on the calendar date they signed.
    public static let minimumAge = 18

    /// The status of a record whose line and statement were read completely, given what checking
    /// its signature established: the first rule it breaks, or `valid`.
    public static func status(of statement: SignedStatement, signature: SignatureVerdict, headerCaseId: String) -> RecordStatus {
        guard statement.isComplete, let caseId = statement.caseId, let signedAt = statement.signedAt,
              let id = statement.id, let name = statement.name, let birthDate = statement.birthDate else { return .malformed }
        let signer: SignerFacts
        switch signature {
        case .malformed:
            return .malformed
        case .badSignature:
            return .badSignature
        case .verified(let certificate, let chainTrusted):
            guard chainTrusted, certificate.maySign else { return .untrustedCertificate }
            signer = certificate
        }
        if !signer.isValid(at: signedAt.instant) { return .certificateExpired }
        if name != signer.commonName { return .identityMismatch }
        if !PersonalID.isValidNationalID(id) { return .invalidID }
        if caseId != headerCaseId { return .caseMismatch }
        if birthDate.age(on: signedAt.date) < minimumAge { return .underage }
        return .valid
    }
}
