import ArgumentParser
import CivicCard
import CivicCore
import CivicServices
import Foundation

/// `civicdesk roster import|status|records|pack|purge`: the 連署名冊 work without the window,
/// over the same services the window uses.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "連署名冊：匯入、查詢、打包與清除 (petition rosters).",
        discussion: "The workspace is --workspace, else CIVICDESK_WORKSPACE, else ~/.local/share/civicdesk. "
            + "PINs are typed at the terminal without echo, or read from standard input with --pin-stdin.",
        subcommands: [Import.self, Status.self, Records.self, Pack.self, Purge.self])

    struct WorkspaceOption: ParsableArguments {
        @Option(name: .long, help: "The workspace folder (default: CIVICDESK_WORKSPACE, else ~/.local/share/civicdesk).")
        var workspace: String?

        func service(extraTrust: [String] = []) throws -> RosterService {
            try Terminal.attempt { try RosterService(folders: CivicDeskFolders(workspace: workspace, extraTrust: extraTrust)) }
        }
    }

    struct CaseOption: ParsableArguments {
        @Option(name: .customLong("case"), help: "The case ID (案號), e.g. 113002.")
        var caseId: String
    }

    struct CardOptions: ParsableArguments {
        @Option(name: .long, help: "The card as a PKCS#11 URI, e.g. pkcs11:token=lead: the lead person's for a roster, the signer's for a letter.")
        var token: String

        @Flag(name: .customLong("pin-stdin"), help: "Read the PIN from the first line of standard input.")
        var pinStdin = false

        func card() throws -> OperationCard {
            try Terminal.attempt { try OperationCard.open(.uri(token)) }
        }

        /// Asks for the PIN (warning first when tries are fewer) and logs in once.
        func login(_ card: OperationCard) throws -> TokenLogin {
            if let warning = card.pinStatus().warning { Terminal.printError(Terminal.text(warning)) }
            let pin = try PINInput.readForLogin(prompt: UserMessage(zh: "卡片的 PIN 碼：", en: "The card's PIN:"), fromStandardInput: pinStdin)
            return try Terminal.attempt { try card.login(pin: pin) }
        }
    }

    // MARK: import

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "解密並檢查連署人名冊批次檔（.cec），存入工作區；每批列出案號、批次、筆數與各狀態筆數。",
            discussion: "Exit 0 when every file was imported (or had been before), 1 when a file was refused: nothing of "
                + "a refused file is imported, and the other files still are.")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var card: CardOptions
        @OptionGroup var operatorCard: OperatorOption

        @Option(name: .long, help: "A folder of PEM trust anchors to add (repeatable; CIVICDESK_TRUST_DIR is always read).")
        var trust: [String] = []

        @Argument(help: "The batch files ({caseId}-連署-{yyyyMMdd}.cec).")
        var files: [String] = []

        func validate() throws {
            if files.isEmpty { throw ValidationError("請指定至少一個名冊檔（.cec）。") }
        }

        func run() throws {
            try operatorCard.authorize(.rosterImport, workspace: workspace.workspace, trust: trust, pinStdin: card.pinStdin)
            let service = try workspace.service(extraTrust: trust)
            let trustStore = try Terminal.attempt { try service.loadTrust() }
            let leadCard = try card.card()
            let plan = try Terminal.attempt { try service.planImport(files.map { URL(fileURLWithPath: $0) }, card: leadCard) }
            let login = plan.needsPIN ? try card.login(leadCard) : nil
            let progress = ImportProgressLine()
            let results = service.importFiles(plan, trust: trustStore, login: login, card: leadCard) { event in
                progress.show(event)
            }
            let failed = results.filter { if case .failed = $0.outcome { true } else { false } }.count
            if failed > 0 {
                if failed < results.count {
                    Terminal.printError(Terminal.text(UserMessage(zh: "其餘檔案已照常匯入。", en: "The other files were imported.")))
                }
                throw ExitCode.failure
            }
        }
    }

    // MARK: status

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "顯示案件的門檻、進度、批次與各狀態筆數。")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var selection: CaseOption

        @Flag(name: .long, help: "Print JSON: caseId, stage, electorate, threshold, valid, batches, counts (every status).")
        var json = false

        func run() throws {
            let service = try workspace.service()
            let rosterCase = try Terminal.attempt { try service.rosterCase(selection.caseId) }
            if json {
                try JSONOutput.print(CaseStatusJSON(rosterCase))
            } else {
                RosterText.status(rosterCase).forEach { print($0) }
            }
        }
    }

    // MARK: records

    struct Records: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "依連署日期、身分證前 6 碼、狀態與批次查詢連署紀錄（身分證預設遮蔽）。")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var selection: CaseOption

        @Option(name: .long, help: "Signed on or after this date (2024-03-01 or 113/03/01).")
        var from: String?

        @Option(name: .long, help: "Signed on or before this date.")
        var to: String?

        @Option(name: .customLong("id-prefix"), help: "The first characters of the ID number (at most 6).")
        var idPrefix: String?

        @Option(name: .long, help: "One status: \(RecordStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
        var status: String?

        /// Read as text, so a batch that is not a number is refused in the same words as the other options.
        @Option(name: .long, help: "One batch number.")
        var batch: String?

        @Flag(name: .customLong("full-ids"), help: "Show full ID numbers instead of the first 6 characters and ****.")
        var fullIDs = false

        @Flag(name: .long, help: "Print a JSON array of records.")
        var json = false

        func filter() throws -> RecordFilter {
            func date(_ text: String?, _ option: String) throws -> CivilDate? {
                guard let text else { return nil }
                guard let date = CivilDate(iso: text) ?? ROCDate.parse(text) else {
                    throw ValidationError("\(option) 的日期「\(text)」無法辨識，請寫成 2024-03-01 或 113/03/01。")
                }
                return date
            }
            var number: Int?
            if let batch {
                guard let parsed = Int(batch), parsed > 0 else {
                    throw ValidationError("--batch 應為批次編號（正整數，例如 1），輸入的是「\(batch)」。")
                }
                number = parsed
            }
            var filter = RecordFilter(signedFrom: try date(from, "--from"), signedTo: try date(to, "--to"), batch: number)
            if let idPrefix {
                do {
                    filter.idPrefix = try IDPrefix(idPrefix)
                } catch {
                    throw ValidationError(error.message.zh)
                }
            }
            if let status {
                guard let parsed = RecordStatus(rawValue: status) else {
                    throw ValidationError("沒有「\(status)」這種狀態；可用：\(RecordStatus.allCases.map(\.rawValue).joined(separator: "、"))。")
                }
                filter.status = parsed
            }
            return filter
        }

        func validate() throws {
            _ = try filter()
        }

        func run() throws {
            let service = try workspace.service()
            _ = try Terminal.attempt { try service.rosterCase(selection.caseId) }
            let filter = try filter()
            let page = 1000
            var offset = 0
            if json { print("[", terminator: "") }
            while true {
                let rows = try Terminal.attempt {
                    try service.store.records(caseId: selection.caseId, filter: filter, offset: offset, limit: page, fullIDs: fullIDs)
                }
                if offset == 0 && rows.isEmpty && !json {
                    print(Terminal.text(UserMessage(zh: "沒有符合條件的紀錄。", en: "No records match.")))
                }
                for (index, row) in rows.enumerated() {
                    if json {
                        print((offset + index == 0 ? "\n" : ",\n") + (try JSONOutput.text(RecordJSON(row))), terminator: "")
                    } else {
                        print(RosterText.record(row, index: offset + index + 1))
                    }
                }
                offset += rows.count
                if rows.count < page { break }
            }
            if json { print("\n]") }
        }
    }

    // MARK: pack

    struct Pack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "以卡片的簽章憑證打包「連署(送件用).zip」與「連署.xlsx」。",
            discussion: "Both files are written to temporary names and renamed when whole: a failure leaves the previous ones.")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var selection: CaseOption
        @OptionGroup var card: CardOptions
        @OptionGroup var operatorCard: OperatorOption

        @Option(name: .long, help: "A folder of PEM trust anchors to add, to check the operator's card (repeatable).")
        var trust: [String] = []

        @Option(name: .long, help: "The output folder (default: ~/Documents/CivicDesk/{caseId}/, or under CIVICDESK_DOCUMENTS_DIR).")
        var out: String?

        @Option(name: .customLong("packed-at"), help: "The packing time, RFC 3339 with offset (2024-03-07T09:00:00+08:00): packing is then reproducible.")
        var packedAt: String?

        @Flag(name: .customLong("full-ids"), help: "Full ID numbers in the spreadsheet.")
        var fullIDs = false

        func validate() throws {
            if let packedAt, Timestamp(rfc3339: packedAt) == nil {
                throw ValidationError("--packed-at 要寫成含時區的時間，例如 2024-03-07T09:00:00+08:00。")
            }
        }

        func run() throws {
            try operatorCard.authorize(.rosterPack, workspace: workspace.workspace, trust: trust, pinStdin: card.pinStdin)
            let service = try workspace.service()
            _ = try Terminal.attempt { try service.packableCase(selection.caseId) }
            let leadCard = try card.card()
            let folder = out.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? service.folders.packFolder(caseId: selection.caseId)
            let request = PackRequest(caseId: selection.caseId, folder: folder, packedAt: packedAt.flatMap { Timestamp(rfc3339: $0) },
                                      fullIDs: fullIDs)
            let login = try card.login(leadCard)
            let result = try Terminal.attempt { try service.pack(request, login: login, card: leadCard) }
            RosterText.packed(result).forEach { print($0) }
        }
    }

    // MARK: purge

    struct Purge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "依保存期限清除案件的個人資料（紀錄與解密內容），只保留統計。")

        @OptionGroup var workspace: WorkspaceOption
        @OptionGroup var selection: CaseOption
        @OptionGroup var operatorCard: OperatorOption

        @Option(name: .long, help: "A folder of PEM trust anchors to add, to check the operator's card (repeatable).")
        var trust: [String] = []

        @Flag(name: .customLong("pin-stdin"), help: "Read the operator's PIN from the first line of standard input.")
        var pinStdin = false

        func run() throws {
            try operatorCard.authorize(.rosterPurge, workspace: workspace.workspace, trust: trust, pinStdin: pinStdin)
            let service = try workspace.service()
            let purged = try Terminal.attempt { try service.purge(caseId: selection.caseId) }
            print(Terminal.text(UserMessage(
                zh: "已清除案號 \(purged.caseId) 的個人資料；保留統計（\(purged.counts.total) 筆，有效 \(purged.valid) 筆）。",
                en: "Case \(purged.caseId)'s personal data was purged; its statistics remain (\(purged.counts.total) records, \(purged.valid) valid).")))
        }
    }
}
