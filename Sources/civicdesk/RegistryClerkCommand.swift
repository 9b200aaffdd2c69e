import ArgumentParser
import CivicCore
import CivicCrypto
import CivicServices
import Foundation

/// `civicdesk registry clerk add|change|remove|list`: 授權指派 (the agency card and the
/// administrator's card prove each change).
struct ClerkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clerk", abstract: "授權指派：新增、修改、刪除與列出授權經辦人。",
        subcommands: [Add.self, Change.self, Remove.self, List.self])

    struct OfficeCards: ParsableArguments {
        @Option(name: .customLong("agency-token"), help: "The registered agency card, a PKCS#11 URI.") var agencyToken: String
        @Option(name: .customLong("admin-token"), help: "The registered administrator's card, a PKCS#11 URI.") var adminToken: String
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "新增授權經辦人：憑證序號與姓名取自經辦人的憑證檔（--clerk-cert）或直接輸入（--serial、--name）。")

        @OptionGroup var options: RegistryOptions
        @OptionGroup var cards: OfficeCards
        @Option(name: .customLong("clerk-cert"), help: "The clerk's certificate (PEM or DER), which gives serial and name.") var clerkCert: String?
        @Option(name: .long, help: "憑證序號(SN), hex.") var serial: String?
        @Option(name: .long, help: "姓名.") var name: String?
        @Option(name: .long, help: "身分證統一編號.") var id: String
        @Option(name: .long, help: "Permission keys of data/permissions.json, comma-separated (a group's key gives all of its actions).")
        var permissions: String

        func validate() throws {
            if (clerkCert == nil) == (serial == nil) {
                throw ValidationError("請指定 --clerk-cert，或 --serial 與 --name 其中一種。")
            }
            if serial != nil && name == nil { throw ValidationError("以 --serial 輸入時也須指定 --name。") }
        }

        func run() throws {
            let service = try options.registeredService()
            var serialText = serial ?? ""
            var nameText = name ?? ""
            if let clerkCert {
                guard let bytes = FileManager.default.contents(atPath: clerkCert) else {
                    Terminal.printError(Terminal.text(UserMessage(zh: "無法讀取「\(clerkCert)」。", en: "“\(clerkCert)” cannot be read.")))
                    throw ExitCode.failure
                }
                let certificate = try Terminal.attempt { () throws -> CertificateInfo in
                    guard let first = try CertificateParser.parse(fileContents: [UInt8](bytes)).first else {
                        throw CertificateParser.Failure.notACertificate
                    }
                    return first
                }
                let person = try Terminal.attempt { try PersonCertificate.read(certificate).get() }
                serialText = person.serialHex
                nameText = person.name
            }
            let clerk = try Terminal.attempt {
                try Clerk(serial: CertificateSerial(serialText), name: nameText, personalID: NationalID(id),
                          permissions: service.catalogue.permissions(permissions.split(separator: ",").map(String.init)))
            }
            try refuseTaken(clerk, in: service.clerks())
            let proof = try RegistryCards(service: service, pinStdin: options.pinStdin)
            let (agency, admin) = try proof.office(agency: cards.agencyToken, administrator: cards.adminToken)
            try Terminal.attempt { try service.addClerk(clerk, agency: agency, administrator: admin) }
            print(Terminal.text(UserMessage(zh: "新增成功！", en: "Added.")))
        }

        /// Refused before any PIN: the same serial or ID twice.
        func refuseTaken(_ clerk: Clerk, in clerks: [Clerk]) throws {
            if clerks.contains(where: { $0.serial == clerk.serial }) { throw Terminal.fail(RegistryProblem.clerkSerialTaken(clerk.serial.hex)) }
            if clerks.contains(where: { $0.personalID == clerk.personalID }) {
                throw Terminal.fail(RegistryProblem.clerkIDTaken(clerk.personalID.value))
            }
        }
    }

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "修改授權經辦人：換發後的憑證序號（--new-serial，權限不變）或權限。")

        @OptionGroup var options: RegistryOptions
        @OptionGroup var cards: OfficeCards
        @Option(name: .long, help: "The clerk's registered serial.") var serial: String
        @Option(name: .customLong("new-serial"), help: "The serial of the clerk's renewed card.") var newSerial: String?
        @Option(name: .long, help: "The new permissions, comma-separated.") var permissions: String?

        func validate() throws {
            if newSerial == nil && permissions == nil { throw ValidationError("請指定 --new-serial 或 --permissions。") }
        }

        func run() throws {
            let service = try options.registeredService()
            let current = try Terminal.attempt { try CertificateSerial(serial) }
            let renewed = try newSerial.map { text in try Terminal.attempt { try CertificateSerial(text) } }
            let chosen = try permissions.map { text in
                try Terminal.attempt { try service.catalogue.permissions(text.split(separator: ",").map(String.init)) }
            }
            guard try Terminal.attempt({ try service.clerks() }).contains(where: { $0.serial == current }) else {
                throw Terminal.fail(RegistryProblem.clerkNotFound(current.hex))
            }
            let proof = try RegistryCards(service: service, pinStdin: options.pinStdin)
            let (agency, admin) = try proof.office(agency: cards.agencyToken, administrator: cards.adminToken)
            _ = try Terminal.attempt {
                try service.changeClerk(serial: current, newSerial: renewed, permissions: chosen, agency: agency, administrator: admin)
            }
            print(Terminal.text(UserMessage(zh: "修改成功！", en: "Changed.")))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "刪除授權經辦人。")

        @OptionGroup var options: RegistryOptions
        @OptionGroup var cards: OfficeCards
        @Option(name: .long, help: "The clerk's registered serial.") var serial: String

        func run() throws {
            let service = try options.registeredService()
            let current = try Terminal.attempt { try CertificateSerial(serial) }
            guard try Terminal.attempt({ try service.clerks() }).contains(where: { $0.serial == current }) else {
                throw Terminal.fail(RegistryProblem.clerkNotFound(current.hex))
            }
            let proof = try RegistryCards(service: service, pinStdin: options.pinStdin)
            let (agency, admin) = try proof.office(agency: cards.agencyToken, administrator: cards.adminToken)
            _ = try Terminal.attempt { try service.removeClerk(serial: current, agency: agency, administrator: admin) }
            print(Terminal.text(UserMessage(zh: "刪除成功！", en: "Removed.")))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查詢已授權清單：序號、姓名、身分證統一編號、憑證序號與權限。")

        @OptionGroup var options: RegistryOptions
        @Flag(name: .long, help: "Print a JSON array: serial, name, id, permissions.") var json = false

        func run() throws {
            let service = try options.service()
            let clerks = try Terminal.attempt { try service.clerks() }
            let catalogue = try? service.catalogue
            if json {
                try JSONOutput.print(clerks.map(ClerkJSON.init))
                return
            }
            if clerks.isEmpty { print(Terminal.text(UserMessage(zh: "目前查無資料！", en: "No clerks yet."))) }
            for (index, clerk) in clerks.enumerated() {
                let labels = catalogue?.labels(of: clerk.permissions) ?? clerk.permissions.keys.map(\.value)
                print("\(index + 1)\t\(clerk.name)\t\(clerk.personalID)\t\(clerk.serial)\t\(labels.joined(separator: "、"))")
            }
        }
    }
}
