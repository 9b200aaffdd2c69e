import ArgumentParser
import CivicCore
import CivicServices
import Foundation

/// `--operator-token` of the commands that change a workspace: in a workspace with a registered
/// office, the operator signs in with their 自然人憑證 (PIN and a signed challenge) and must be a
/// clerk holding the command's permission; without an office nobody signs in. Checked before
/// anything changes; the refusal names the missing permission (exit 1).
struct OperatorOption: ParsableArguments {
    @Option(name: .customLong("operator-token"),
            help: "The signed-in clerk's citizen card (PKCS#11 URI), needed in a workspace with a registered office; its PIN is read first.")
    var operatorToken: String?

    static let cardName = UserMessage(zh: "經辦人自然人憑證", en: "Clerk's citizen card")

    func authorize(_ action: PermissionKey, workspace: String?, trust: [String], pinStdin: Bool) throws {
        let service = try Terminal.attempt { try RegistryService(folders: CivicDeskFolders(workspace: workspace, extraTrust: trust)) }
        guard try Terminal.attempt({ try service.needsOperator() }) else { return }
        guard let operatorToken else {
            return try Terminal.attempt { try service.authorize(action, operatorSerial: nil) }
        }
        let trustStore = try Terminal.attempt { try service.loadTrust() }
        let card = try Terminal.attempt { try OperationCard.open(.uri(operatorToken)) }
        let certificate = try Terminal.attempt { try RegistryCardProof.certificate(on: card, as: .person, trust: trustStore) }
        // A card that is no clerk's, or lacks the permission, is refused before its PIN is asked.
        try Terminal.attempt { try service.authorize(action, operatorSerial: certificate.serialHex) }
        let proven = try RegistryCards.prove(operatorToken, as: .person, name: Self.cardName, trust: trustStore, pinStdin: pinStdin)
        try Terminal.attempt { try service.authorize(action, operator: proven) }
    }
}
