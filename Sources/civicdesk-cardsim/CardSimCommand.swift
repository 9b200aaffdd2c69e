import ArgumentParser
import CivicCardSim
import Foundation

/// `civicdesk-cardsim`: a virtual card plugged into pcscd's vpcd driver, for tests and the demo.
@main
struct CardSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civicdesk-cardsim",
        abstract: "A virtual 自然人憑證, agency card or 健保卡 for pcscd's vpcd driver (test material only).",
        discussion: """
            The card connects to vpcd (which listens); while connected it is inserted. It serves the \
            MOICA layout for reading without a PIN: CLA 80, SELECT 3F00 / 0900 / 0905 (`CHT V32N`) and \
            5030 / 08F2, the certificate store with the root CA at 0000, the issuing CA at 0700, the \
            encryption certificate at 0E00 and the signature certificate at 1500, read with READ BINARY. \
            An agency card (--agency) keeps its one certificate at 1500 and leaves 0E00 empty. \
            A health card (--health) answers only SELECT of the NHI application; --unknown selects nothing.

            ATRs (invented, ISO 7816-3 shaped): HiCOS cards 3B888131FE45 "HiCOS V3" + TCK; health card \
            3B7F95000080318065B0850300EF120FFF829000; unknown card 3B8F8001804F0CA000000306030001000000006A.

            Control socket (--control PATH), one line per connection, answered with one line starting \
            with "ok" or "error": `insert [person:NAME|agency:NAME|health|unknown]`, `remove`, \
            `remove-after N` (answer N more APDUs, then pull the card instead of answering), `mute` (stay \
            in the reader but answer APDUs with one byte and no status word, until removed), `status`. \
            Send them with `civicdesk-cardsim control PATH COMMAND…` or any Unix-socket client.
            """,
        subcommands: [Serve.self, Control.self],
        defaultSubcommand: Serve.self)
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Plays a card until stopped (the default).")

    @Option(help: "A test person's 自然人憑證: lead, other, admin, clerk, clerk2, admin-renewed, clerk-renewed, expired, revoked, wrong-usage, untrusted.")
    var person: String?

    @Option(help: "An agency card: gca, gca-renewed, gca-unlisted, xca, moeaca, hca.")
    var agency: String?

    @Flag(help: "A 健保卡-like card (identified, but holds no certificate).")
    var health = false

    @Flag(help: "A card of no known kind.")
    var unknown = false

    @Option(help: "The test PKI folder (default: data/test-pki of the source tree this program was built in).")
    var pki: String?

    @Option(help: "Where vpcd listens.")
    var host = "127.0.0.1"

    @Option(help: "vpcd's port (its CHANNELID).")
    var port: UInt16 = 35963

    @Option(help: "A Unix socket to take insert/remove commands on.")
    var control: String?

    @Flag(help: "Start with the card out of the reader (insert it through the control socket).")
    var removed = false

    func validate() throws {
        let chosen = [person != nil, agency != nil, health, unknown].filter { $0 }.count
        if chosen > 1 { throw ValidationError("Choose one card: --person, --agency, --health or --unknown.") }
    }

    func run() throws {
        let persona: CardPersona =
            if let person { .person(person) } else if let agency { .agency(agency) } else if health { .healthInsurance }
            else if unknown { .unknown } else { .person("lead") }
        let cards = TestPKICards(directory: pki.map { URL(fileURLWithPath: $0) } ?? Self.defaultPKI())
        let card: VirtualCard
        do {
            card = try cards.card(persona)
        } catch {
            throw ValidationError("\(error)")
        }
        let simulator = try Simulator(cards: cards, persona: persona, card: card, inserted: !removed,
                                      vpcd: VPCDAddress(host: host, port: port), controlPath: control)
        simulator.run()
    }

    /// `data/test-pki` beside the `.build` folder this executable sits in, else under the working directory.
    static func defaultPKI() -> URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = directory.appendingPathComponent("data/test-pki")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("people.json").path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "data/test-pki")
    }
}

struct Control: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sends one command to a running card's control socket and prints the answer.")

    @Argument(help: "The control socket.")
    var socket: String

    @Argument(help: "insert [person:NAME|agency:NAME|health|unknown] | remove | remove-after N | mute | status")
    var command: [String]

    func run() throws {
        let answer = try ControlSocket.send(command.joined(separator: " "), to: socket)
        print(answer)
        if !answer.hasPrefix("ok") { throw ExitCode(1) }
    }
}
