import ArgumentParser
import CivicCard
import CivicCore
import CivicServices
import Foundation

/// `civicdesk registry …`: 憑證註冊與授權 without the window: 首次註冊 (with its 待審核 path and the
/// reviewer's decision), 授權指派, 更換憑證, the four queries and the audit log's check.
struct RegistryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry", abstract: "憑證註冊與授權：首次註冊、授權指派、更換憑證、查詢作業與稽核紀錄 (office registry).",
        discussion: "Every change is proven by the agency card and the administrator's card (PIN and a signed challenge) and "
            + "appended to the workspace's signed audit log. Exit 0 on success, 1 on a refused request, 2 on wrong usage.",
        subcommands: [Register.self, Review.self, ClerkCommand.self, Replace.self, Records.self, OID.self, Serial.self, Log.self])

    // MARK: register

    struct Register: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "首次註冊：以機關憑證及授權管理者自然人憑證註冊；與機關名錄比對不符時送審核（待審核）。")

        @OptionGroup var options: RegistryOptions
        @Option(name: .customLong("agency-code"), help: "機關代號 (5 digits).") var agencyCode: String
        @Option(name: .customLong("agency-token"), help: "The agency card, a PKCS#11 URI.") var agencyToken: String
        @Option(name: .customLong("admin-token"), help: "The administrator's citizen card, a PKCS#11 URI.") var adminToken: String
        @Option(name: .customLong("admin-id"), help: "授權管理者身分證統一編號.") var adminID: String
        @Option(name: .long, help: "姓名 of the administrator.") var name: String
        @Option(name: .long, help: "電子信箱.") var email: String
        @Option(name: .long, help: "連絡電話, e.g. (02)2701-3411.") var phone: String
        @Option(name: .long, help: "分機.") var `extension`: String?
        @Option(name: .long, help: "備註.") var notes: String?
        @Option(name: .customLong("agency-directory"), help: "Another agency directory (CSV: code,name,oid).") var agencyDirectory: String?
        @Option(name: .customLong("applicant-name"), help: "申請人姓名, for an application the directory does not confirm.") var applicantName: String?
        @Option(name: .customLong("applicant-phone"), help: "申請人電話.") var applicantPhone: String?
        @Flag(name: .long, help: "Print JSON: state (registered or pending-review), the office's fields.") var json = false

        func run() throws {
            let code = try Terminal.attempt { try AgencyCode(agencyCode) }
            let id = try Terminal.attempt { try NationalID(adminID) }
            let contact = try Terminal.attempt { try AdministratorContact(name: name, email: email, phone: phone, phoneExtension: `extension`, notes: notes) }
            var applicant: (String, String)?
            if applicantName != nil || applicantPhone != nil {
                applicant = (try Terminal.attempt { try AdministratorContact.checkName(applicantName ?? "") },
                             try Terminal.attempt { try AdministratorContact.checkPhone(applicantPhone ?? "") })
            }
            let service = try options.service()
            if let office = try Terminal.attempt({ try service.store.office() }) {
                throw Terminal.fail(RegistryProblem.alreadyRegistered(code: office.code.value))
            }
            let cards = try RegistryCards(service: service, pinStdin: options.pinStdin)
            let (agency, admin) = try cards.office(agency: agencyToken, administrator: adminToken)
            let request = RegistryService.RegistrationRequest(
                agencyCode: code, administratorID: id, contact: contact, applicant: applicant,
                directoryFile: agencyDirectory.map { URL(fileURLWithPath: $0) })
            let outcome = try Terminal.attempt { try service.register(request, agency: agency, administrator: admin) }
            switch outcome {
            case .registered(let office):
                if json { try JSONOutput.print(OfficeJSON(office, state: "registered")) } else {
                    RegistryText.office(office).forEach { print($0) }
                    print(Terminal.text(UserMessage(zh: "首次註冊成功！", en: "Registered.")))
                }
            case .pendingReview(let pending):
                if json { try JSONOutput.print(OfficeJSON(pending)) } else {
                    print(Terminal.text(PendingReview.mismatchMessage))
                    print(Terminal.text(PendingReview.submittedMessage))
                }
            }
        }
    }

    // MARK: review

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "審核待審核的註冊申請（approve 通過 / reject 不通過），以設定中登錄的審核人員自然人憑證簽章。",
            discussion: "Reviewers' certificates are the PEM files in CIVICDESK_REVIEWERS_DIR, else ~/.config/civicdesk/reviewers.")

        enum Decision: String, ExpressibleByArgument, CaseIterable {
            case approve, reject
        }

        @OptionGroup var options: RegistryOptions
        @Argument(help: "approve or reject.") var decision: Decision
        @Option(name: .customLong("agency-code"), help: "機關代號 of the application.") var agencyCode: String
        @Option(name: .customLong("reviewer-token"), help: "The reviewer's citizen card, a PKCS#11 URI.") var reviewerToken: String
        @Flag(name: .long, help: "Print JSON.") var json = false

        func run() throws {
            let code = try Terminal.attempt { try AgencyCode(agencyCode) }
            let service = try options.service()
            guard try Terminal.attempt({ try service.store.pendingReview(code: code) }) != nil else {
                throw Terminal.fail(RegistryProblem.noPendingReview(code: code.value))
            }
            let cards = try RegistryCards(service: service, pinStdin: options.pinStdin)
            let reviewer = try cards.prove(reviewerToken, as: .person, name: RegistryCards.reviewer)
            let pending = try Terminal.attempt { try service.review(code: code, approve: decision == .approve, reviewer: reviewer) }
            let state = decision == .approve ? "approved" : "rejected"
            if json {
                try JSONOutput.print(["state": state, "agencyCode": code.value, "agencyName": pending.office.name])
            } else {
                print(Terminal.text(decision == .approve
                    ? UserMessage(zh: "機關代號 \(code) 的申請已審核通過，註冊完成。", en: "Agency \(code)'s application was approved and registered.")
                    : UserMessage(zh: "機關代號 \(code) 的申請審核不通過。", en: "Agency \(code)'s application was rejected.")))
            }
        }
    }

    // MARK: replace

    struct Replace: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "更換憑證：更換機關憑證、更換授權管理者自然人憑證，或兩者同時更換。",
            discussion: "The registered cards are asked first (agency, administrator), then the renewed ones.")

        @OptionGroup var options: RegistryOptions
        @Option(name: .customLong("agency-token"), help: "The registered agency card.") var agencyToken: String
        @Option(name: .customLong("admin-token"), help: "The registered administrator's card.") var adminToken: String
        @Option(name: .customLong("new-agency-token"), help: "The renewed agency card.") var newAgencyToken: String?
        @Option(name: .customLong("new-admin-token"), help: "The administrator's renewed card.") var newAdminToken: String?
        @Option(name: .customLong("new-admin-id"), help: "授權管理者身分證統一編號 of the new card's holder.") var newAdminID: String?
        @Flag(name: .long, help: "Print JSON.") var json = false

        func validate() throws {
            if newAgencyToken == nil && newAdminToken == nil {
                throw ValidationError("請指定 --new-agency-token、--new-admin-token（含 --new-admin-id），或兩者。")
            }
            if (newAdminToken == nil) != (newAdminID == nil) {
                throw ValidationError("--new-admin-token 與 --new-admin-id 須一起指定。")
            }
        }

        func run() throws {
            let newID = try newAdminID.map { id in try Terminal.attempt { try NationalID(id) } }
            let service = try options.registeredService()
            let cards = try RegistryCards(service: service, pinStdin: options.pinStdin)
            let (agency, admin) = try cards.office(agency: agencyToken, administrator: adminToken)
            _ = try Terminal.attempt { try service.registeredOffice(agency: agency, administrator: admin) }
            let newAgency = try newAgencyToken.map { try cards.prove($0, as: .agency, name: RegistryCards.newAgency) }
            let newAdmin = try newAdminToken.map { try cards.prove($0, as: .person, name: RegistryCards.newAdministrator) }
            let (office, item) = try Terminal.attempt {
                try service.replace(agency: agency, administrator: admin, newAgency: newAgency,
                                    newAdministrator: newAdmin.flatMap { card in newID.map { (card, $0) } })
            }
            if json {
                try JSONOutput.print(OfficeJSON(office, state: "replaced", item: item))
            } else {
                RegistryText.office(office).forEach { print($0) }
                print(Terminal.text(UserMessage(zh: "\(item.name.zh)成功！", en: "\(item.name.en).")))
            }
        }
    }

    // MARK: queries

    struct Records: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查詢憑證註冊收件紀錄：機關名稱、收件時間與註冊項目。")

        @OptionGroup var options: RegistryOptions
        @Option(name: .customLong("agency-code"), help: "機關代號.") var agencyCode: String
        @Flag(name: .long, help: "Print a JSON array.") var json = false

        func run() throws {
            let code = try Terminal.attempt { try AgencyCode(agencyCode) }
            let records = try Terminal.attempt { try options.service().records(agencyCode: code) }
            if json {
                try JSONOutput.print(records.map(RegistrationRecordJSON.init))
                return
            }
            if records.isEmpty { print(Terminal.text(UserMessage(zh: "目前查無資料！", en: "No records."))) }
            for (index, record) in records.enumerated() {
                print("\(index + 1)\t\(record.agencyCode)\t\(record.agencyName)\t\(RegistrationRecordsQuery.receivedTime(record))\t"
                      + Terminal.text(record.item.name))
            }
        }
    }

    struct OID: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "oid", abstract: "查詢機關憑證OID：以機關憑證（PIN 碼）查詢機關名稱與機關憑證OID。")

        @OptionGroup var options: RegistryOptions
        @Option(name: .customLong("agency-token"), help: "The agency card, a PKCS#11 URI.") var agencyToken: String
        @Flag(name: .long, help: "Print JSON: agencyName, oid, kind, serial.") var json = false

        func run() throws {
            let service = try options.service()
            let card = try RegistryCards(service: service, pinStdin: options.pinStdin).prove(agencyToken, as: .agency, name: RegistryCards.agency)
            let agency = try Terminal.attempt { try AgencyCertificate.read(card.certificate).get() }
            if json {
                try JSONOutput.print(["agencyName": agency.name, "oid": agency.oid, "kind": agency.kind.rawValue, "serial": agency.serialHex])
            } else {
                print("機關名稱：\(agency.name)")
                print("機關憑證OID：\(agency.oid)")
                print("卡別：\(Terminal.text(agency.kind.name))")
            }
        }
    }

    struct Serial: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "查詢自然人憑證序號：以自然人憑證（PIN 碼）查詢姓名與憑證序號。")

        @OptionGroup var options: RegistryOptions
        @Option(name: .long, help: "The citizen card, a PKCS#11 URI.") var token: String
        @Option(name: .long, help: "身分證統一編號 of the card's holder.") var id: String
        @Flag(name: .long, help: "Print JSON: name, serial.") var json = false

        func run() throws {
            _ = try Terminal.attempt { try NationalID(id) }
            let service = try options.service()
            let card = try RegistryCards(service: service, pinStdin: options.pinStdin).prove(token, as: .person, name: RegistryCards.person)
            let person = try Terminal.attempt { try PersonCertificate.read(card.certificate).get() }
            if json {
                try JSONOutput.print(["name": person.name, "serial": person.serialHex])
            } else {
                print("姓名：\(person.name)")
                print("自然人憑證序號：\(person.serialHex)")
            }
        }
    }

    // MARK: log

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "稽核紀錄。", subcommands: [Verify.self])

        struct Verify: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "檢查稽核紀錄的每一筆簽章與前後連結；有誤時指出第一筆有誤的紀錄（exit 1）。")

            @OptionGroup var options: RegistryOptions
            @Flag(name: .long, help: "Print JSON: intact, entries or brokenEntry and reason.") var json = false

            func run() throws {
                let service = try options.service()
                let trust = try Terminal.attempt { try service.loadTrust() }
                let verification = try Terminal.attempt { try service.verifyLog(trust: trust) }
                if json {
                    try JSONOutput.print(LogVerificationJSON(verification))
                } else if case .intact = verification {
                    print(Terminal.text(verification.message))
                }
                if case .intact = verification { return }
                if !json { Terminal.printError(Terminal.text(verification.message)) }
                throw ExitCode.failure
            }
        }
    }
}
