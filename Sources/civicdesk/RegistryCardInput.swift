import ArgumentParser
import CivicCard
import CivicCore
import CivicCrypto
import CivicServices
import Foundation

/// The registry commands' shared options, and the one way they take a card: opened by URI, its
/// certificate judged before any PIN (kind, dates, trust), the PIN read (one line of standard
/// input per card with --pin-stdin, in the order the cards are asked), the challenge signed.
struct RegistryOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace folder (default: CIVICDESK_WORKSPACE, else ~/.local/share/civicdesk).")
    var workspace: String?

    @Option(name: .long, help: "A folder of PEM trust anchors to add (repeatable; CIVICDESK_TRUST_DIR is always read).")
    var trust: [String] = []

    @Flag(name: .customLong("pin-stdin"), help: "Read the PINs from standard input, one per line, in the order the cards are asked for (agency, administrator, then any other).")
    var pinStdin = false

    func service() throws -> RegistryService {
        try Terminal.attempt { try RegistryService(folders: CivicDeskFolders(workspace: workspace, extraTrust: trust)) }
    }

    /// The service of a workspace whose office is registered; refused first, before any input is
    /// read or any card opened or PIN asked for, when none is.
    func registeredService() throws -> RegistryService {
        let service = try service()
        _ = try Terminal.attempt { try service.registeredOffice() }
        return service
    }
}

/// Proves cards for one command run against one set of trust anchors.
struct RegistryCards {
    let service: RegistryService
    let trust: TrustStore
    let pinStdin: Bool

    init(service: RegistryService, pinStdin: Bool) throws {
        self.service = service
        trust = try Terminal.attempt { try service.loadTrust() }
        self.pinStdin = pinStdin
    }

    /// Opens the card at `uri` and proves it for `role`; `name` is how the PIN prompt names it.
    func prove(_ uri: String, as role: RegistryCardRole, name: UserMessage) throws -> ProvenRegistryCard {
        try Self.prove(uri, as: role, name: name, trust: trust, pinStdin: pinStdin)
    }

    static func prove(_ uri: String, as role: RegistryCardRole, name: UserMessage, trust: TrustStore,
                      pinStdin: Bool) throws -> ProvenRegistryCard {
        let card = try Terminal.attempt { try OperationCard.open(.uri(uri)) }
        let certificate = try Terminal.attempt { try RegistryCardProof.certificate(on: card, as: role, trust: trust) }
        if let warning = card.pinStatus().warning { Terminal.printError(Terminal.text(warning)) }
        let pin = try PINInput.readForLogin(prompt: UserMessage(zh: "\(name.zh)IC卡密碼(PIN碼)：", en: "\(name.en) PIN:"),
                                            fromStandardInput: pinStdin)
        let login = try Terminal.attempt { try card.login(pin: pin) }
        return try Terminal.attempt { try RegistryCardProof.prove(certificate, on: card, as: role, login: login, trust: trust) }
    }

    static let agency = UserMessage(zh: "機關憑證", en: "Agency card")
    static let administrator = UserMessage(zh: "授權管理者自然人憑證", en: "Administrator's citizen card")
    static let newAgency = UserMessage(zh: "更換後機關憑證", en: "Renewed agency card")
    static let newAdministrator = UserMessage(zh: "更換後授權管理者自然人憑證", en: "Administrator's renewed citizen card")
    static let person = UserMessage(zh: "自然人憑證", en: "Citizen card")
    static let reviewer = UserMessage(zh: "審核人員自然人憑證", en: "Reviewer's citizen card")

    /// The registered agency card and administrator's card, in that order.
    func office(agency: String, administrator: String) throws -> (ProvenRegistryCard, ProvenRegistryCard) {
        let agencyCard = try prove(agency, as: .agency, name: Self.agency)
        let adminCard = try prove(administrator, as: .person, name: Self.administrator)
        return (agencyCard, adminCard)
    }
}
