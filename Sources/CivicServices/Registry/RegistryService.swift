import CivicCard
import CivicCore
import CivicCrypto
import CivicStore
import Foundation

/// The 憑證註冊與授權 area over the real adapters, for the command line and the window alike.
/// Every change takes proven cards (`RegistryCardProof`): the registered agency card and administrator's
/// card, or a reviewer's; it is checked, stored and appended to the signed audit log at once.
///
///     let service = try RegistryService(folders: CivicDeskFolders())
///     let trust = try service.loadTrust()
///     let card = try OperationCard.open(.uri("pkcs11:token=gca"))
///     let certificate = try RegistryCardProof.certificate(on: card, as: .agency, trust: trust)   // before the PIN
///     let login = try card.login(pin: pin)                                              // wrong PIN: TokenError.wrongPIN
///     let agency = try RegistryCardProof.prove(certificate, on: card, as: .agency, login: login, trust: trust)
///     … the administrator's card the same way, `as: .person` …
///     let outcome = try service.register(request, agency: agency, administrator: admin)
///
/// Calls block (card, SQLite): the window runs them off its main thread.
public final class RegistryService: Sendable {
    public let folders: CivicDeskFolders
    public let data: RegistryData
    public let store: RegistryStore
    private let loadedCatalogue: Result<PermissionCatalogue, RegistryProblem>

    public init(folders: CivicDeskFolders, data: RegistryData = RegistryData()) throws {
        self.folders = folders
        self.data = data
        store = RegistryStore(database: try WorkspaceDatabase(folder: folders.workspace))
        loadedCatalogue = Result { () throws(RegistryProblem) in try data.catalogue() }
    }

    /// The permissions catalogue; its absence matters only where permissions are chosen or
    /// checked (a lead person's workspace without an office never reads it).
    public var catalogue: PermissionCatalogue {
        get throws(RegistryProblem) { try loadedCatalogue.get() }
    }

    /// The trust anchors of every folder in `folders.trust`.
    public func loadTrust() throws -> TrustStore {
        guard !folders.trust.isEmpty else { throw RosterServiceError.noTrustAnchors(folder: folders.configuredTrust.path) }
        return try TrustStore(anchors: folders.trust.flatMap { try TrustStore(folder: $0).anchors })
    }

    // MARK: 首次註冊

    /// What the registration form holds besides the cards.
    public struct RegistrationRequest: Sendable {
        public var agencyCode: AgencyCode
        public var administratorID: NationalID
        public var contact: AdministratorContact
        /// 機關憑證註冊申請人 (name, phone), needed when the directory does not confirm the agency.
        public var applicant: (name: String, phone: String)?
        /// Another agency directory than the shipped one.
        public var directoryFile: URL?

        public init(agencyCode: AgencyCode, administratorID: NationalID, contact: AdministratorContact,
                    applicant: (name: String, phone: String)? = nil, directoryFile: URL? = nil) {
            self.agencyCode = agencyCode
            self.administratorID = administratorID
            self.contact = contact
            self.applicant = applicant
            self.directoryFile = directoryFile
        }
    }

    public enum RegistrationOutcome: Sendable {
        case registered(Office)
        case pendingReview(PendingReview)
    }

    /// The office the two cards and the form describe, before anything is stored (the 首次註冊
    /// confirmation panel shows it).
    public func office(code: AgencyCode, agency: ProvenRegistryCard, administrator: ProvenRegistryCard, administratorID: NationalID,
                       contact: AdministratorContact) throws -> Office {
        Office(code: code, agency: try AgencyCertificate.read(agency.certificate).get(),
               administrator: Administrator(personalID: administratorID,
                                            certificate: try PersonCertificate.read(administrator.certificate).get(), contact: contact))
    }

    /// 首次註冊: registered when the directory confirms the code and the card's OID; otherwise
    /// an application 待審核 with the applicant's name and phone (`RegistryProblem.applicantMissing`
    /// when they were not given), as long as none is pending for the code already.
    public func register(_ request: RegistrationRequest, agency: ProvenRegistryCard, administrator: ProvenRegistryCard,
                         now: Date = Date()) throws -> RegistrationOutcome {
        if let office = try store.office() { throw RegistryProblem.alreadyRegistered(code: office.code.value) }
        if try store.pendingReview(code: request.agencyCode) != nil { throw RegistryProblem.pendingReview(code: request.agencyCode.value) }
        let office = try office(code: request.agencyCode, agency: agency, administrator: administrator,
                                administratorID: request.administratorID, contact: request.contact)
        let signer = auditSigner(administrator, actors: [agency.actor("agency"), administrator.actor("administrator")], now: now)
        let reason: PendingReview.Reason
        switch try data.directory(request.directoryFile).check(code: request.agencyCode, oid: office.agency.oid) {
        case .matches:
            try store.apply(.register(office, at: now), signer: signer)
            return .registered(office)
        case .unknownCode: reason = .unknownCode
        case .oidMismatch: reason = .oidMismatch
        }
        guard let applicant = request.applicant else { throw RegistryProblem.applicantMissing }
        let pending = try PendingReview(office: office, applicantName: applicant.name, applicantPhone: applicant.phone,
                                        reason: reason, requestedAt: now)
        try store.apply(.submitForReview(pending), signer: signer)
        return .pendingReview(pending)
    }

    // MARK: 審核

    /// The reviewers' certificates (PEM files in `data.reviewersFolder`).
    public func reviewers() -> [CertificateInfo] {
        let folder = data.reviewersFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().flatMap { name -> [CertificateInfo] in
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return [] }
            return (try? CertificateParser.parse(fileContents: [UInt8](bytes))) ?? []
        }
    }

    /// Approves (the office is registered as applied for) or rejects a pending application.
    public func review(code: AgencyCode, approve: Bool, reviewer: ProvenRegistryCard, now: Date = Date()) throws -> PendingReview {
        guard reviewers().contains(where: { $0.der == reviewer.certificate.der }) else { throw RegistryProblem.reviewerNotRegistered }
        guard let pending = try store.pendingReview(code: code) else { throw RegistryProblem.noPendingReview(code: code.value) }
        try store.apply(approve ? .approve(pending, at: now) : .reject(pending),
                        signer: auditSigner(reviewer, actors: [reviewer.actor("reviewer")], now: now))
        return pending
    }

    // MARK: 授權指派

    /// The registered office; `RegistryProblem.notRegistered` without one, so a step that needs
    /// it can say so before asking for any card.
    public func registeredOffice() throws -> Office {
        guard let office = try store.office() else { throw RegistryProblem.notRegistered }
        return office
    }

    /// The registered office, after checking that `agency` and `administrator` are its cards
    /// (and `code`, the 機關代號 typed beside the agency card in the window, its code).
    @discardableResult
    public func registeredOffice(agency: ProvenRegistryCard, administrator: ProvenRegistryCard, code: AgencyCode? = nil) throws -> Office {
        let office = try registeredOffice()
        if let code, code != office.code { throw RegistryProblem.agencyCodeNotRegistered(code.value) }
        guard agency.certificate.sha256 == office.agency.sha256 else {
            throw RegistryProblem.notRegisteredCertificate(UserMessage(zh: "機關憑證", en: "The agency certificate"))
        }
        guard administrator.certificate.sha256 == office.administrator.certificate.sha256 else {
            throw RegistryProblem.notRegisteredCertificate(UserMessage(zh: "授權管理者自然人憑證", en: "The administrator's certificate"))
        }
        return office
    }

    public func addClerk(_ clerk: Clerk, agency: ProvenRegistryCard, administrator: ProvenRegistryCard, now: Date = Date()) throws {
        try registeredOffice(agency: agency, administrator: administrator)
        try store.apply(.addClerk(clerk), signer: officeSigner(agency, administrator, now))
    }

    /// 修改授權經辦人: a new serial (renewed card), name or permissions; what is not given stays.
    public func changeClerk(serial: CertificateSerial, newSerial: CertificateSerial? = nil, name: String? = nil,
                            permissions: PermissionSet? = nil, agency: ProvenRegistryCard, administrator: ProvenRegistryCard,
                            now: Date = Date()) throws -> Clerk {
        try registeredOffice(agency: agency, administrator: administrator)
        guard let clerk = try store.clerks().first(where: { $0.serial == serial }) else { throw RegistryProblem.clerkNotFound(serial.hex) }
        let changed = try Clerk(serial: newSerial ?? clerk.serial, name: name ?? clerk.name, personalID: clerk.personalID,
                                permissions: permissions ?? clerk.permissions)
        try store.apply(.changeClerk(serial: serial, to: changed), signer: officeSigner(agency, administrator, now))
        return changed
    }

    public func removeClerk(serial: CertificateSerial, agency: ProvenRegistryCard, administrator: ProvenRegistryCard, now: Date = Date()) throws -> Clerk {
        try registeredOffice(agency: agency, administrator: administrator)
        guard let clerk = try store.clerks().first(where: { $0.serial == serial }) else { throw RegistryProblem.clerkNotFound(serial.hex) }
        try store.apply(.removeClerk(clerk), signer: officeSigner(agency, administrator, now))
        return clerk
    }

    // MARK: 更換憑證

    /// Replaces the agency certificate, the administrator's, or both, proven by the registered
    /// cards and the new ones. `contact` replaces the administrator's details when given.
    public func replace(agency: ProvenRegistryCard, administrator: ProvenRegistryCard, newAgency: ProvenRegistryCard?,
                        newAdministrator: (card: ProvenRegistryCard, id: NationalID)?, contact: AdministratorContact? = nil,
                        now: Date = Date()) throws -> (Office, RegistrationItem) {
        let office = try registeredOffice(agency: agency, administrator: administrator)
        let item: RegistrationItem
        switch (newAgency, newAdministrator) {
        case (.some, .some): item = .bothReplaced
        case (.some, nil): item = .agencyCertificateReplaced
        case (nil, .some): item = .administratorCertificateReplaced
        case (nil, nil): throw RegistryProblem.sameCertificate
        }
        var agencyCertificate = office.agency
        if let newAgency {
            agencyCertificate = try renewedAgency(newAgency, of: office)
        }
        var admin = office.administrator
        if let newAdministrator {
            let read = try renewedAdministrator(newAdministrator.card, of: office)
            admin = Administrator(personalID: newAdministrator.id, certificate: read, contact: contact ?? admin.contact)
        } else if let contact {
            admin = Administrator(personalID: admin.personalID, certificate: admin.certificate, contact: contact)
        }
        let replaced = Office(code: office.code, agency: agencyCertificate, administrator: admin)
        var actors = [agency.actor("agency"), administrator.actor("administrator")]
        actors += [newAgency?.actor("new-agency"), newAdministrator?.card.actor("new-administrator")].compactMap { $0 }
        try store.apply(.replace(replaced, item: item, at: now),
                        signer: auditSigner(newAdministrator?.card ?? administrator, actors: actors, now: now))
        return (replaced, item)
    }

    /// The renewed agency certificate on `card`: another certificate than `office`'s, of the same OID.
    public func renewedAgency(_ card: ProvenRegistryCard, of office: Office) throws -> AgencyCertificate {
        let read = try AgencyCertificate.read(card.certificate).get()
        guard read.sha256 != office.agency.sha256 else { throw RegistryProblem.sameCertificate }
        guard read.oid == office.agency.oid else {
            throw RegistryProblem.notRegisteredCertificate(UserMessage(zh: "更換後機關憑證的 OID", en: "The new agency certificate's OID"))
        }
        return read
    }

    /// The administrator's renewed certificate on `card`: another certificate than `office`'s.
    public func renewedAdministrator(_ card: ProvenRegistryCard, of office: Office) throws -> PersonCertificate {
        let read = try PersonCertificate.read(card.certificate).get()
        guard read.sha256 != office.administrator.certificate.sha256 else { throw RegistryProblem.sameCertificate }
        return read
    }

    // MARK: 查詢作業

    public func records(agencyCode: AgencyCode) throws -> [RegistrationRecord] {
        try store.records(agencyCode: agencyCode)
    }

    public func clerks() throws -> [Clerk] {
        try store.clerks()
    }

    // MARK: 稽核紀錄

    /// Checks every entry's link and signature, then that the registry's tables are what the
    /// entries amount to.
    public func verifyLog(trust: TrustStore) throws -> AuditChain.Verification {
        let entries = try store.auditEntries()
        let chain = AuditChain.verify(entries, makeDigest: { Digest() }, verifier: DetachedSignatureVerifier(trustStore: trust))
        guard case .intact = chain else { return chain }
        guard let replayed = AuditReplay.state(after: entries.map(\.entry)) else { return .tablesDiffer(["audit_log"]) }
        let differences = AuditReplay.differences(replayed, office: try store.office(), clerks: try store.clerks())
        return differences.isEmpty ? chain : .tablesDiffer(differences)
    }

    // MARK: 登入

    /// Whether `action` may run in this workspace: nothing is needed without a registered
    /// office; otherwise the operator's proven card must be a clerk's with the permission.
    public func authorize(_ action: PermissionKey, operator card: ProvenRegistryCard?) throws {
        try authorize(action, operatorSerial: card?.certificate.serialHex)
    }

    /// The same rule on a certificate serial alone: the check made before the operator's PIN is
    /// asked (the card's certificate is read without it).
    public func authorize(_ action: PermissionKey, operatorSerial serial: String?) throws {
        let registered = try store.office() != nil
        var clerk: Clerk?
        if registered, let serial {
            switch OfficeAccess.signIn(serial: serial, clerks: try store.clerks()) {
            case .success(let found): clerk = found
            case .failure(let refusal): throw refusal
            }
        }
        if let refusal = OfficeAccess.check(action, officeRegistered: registered, clerk: clerk, catalogue: try? catalogue) {
            throw refusal
        }
    }

    /// 登入: the clerk whose card `card` is (the header bar shows them; their permissions decide
    /// what is enabled).
    public func signIn(_ card: ProvenRegistryCard) throws -> Clerk {
        try OfficeAccess.signIn(serial: card.certificate.serialHex, clerks: store.clerks()).get()
    }

    /// Whether a registered office needs an operator at all.
    public func needsOperator() throws -> Bool {
        try store.office() != nil
    }

    // MARK: Signing

    private func officeSigner(_ agency: ProvenRegistryCard, _ administrator: ProvenRegistryCard, _ now: Date) -> RegistryStore.AuditSigner {
        auditSigner(administrator, actors: [agency.actor("agency"), administrator.actor("administrator")], now: now)
    }

    /// The audit entry is signed by `card` (CMS, detached, the card's certificate inside).
    private func auditSigner(_ card: ProvenRegistryCard, actors: [String], now: Date) -> RegistryStore.AuditSigner {
        let key = card.key
        return RegistryStore.AuditSigner(actors: actors, time: now, certificate: card.certificate.der,
                                         sign: { bytes in try DetachedSigner.sign(bytes, with: key, signingTime: now) },
                                         makeDigest: { Digest() })
    }
}
