import ArgumentParser
import CivicCard
import CivicCore
import CivicCrypto
import CivicServices
import Foundation

/// `civicdesk doc new|validate|show|render|export|import|sign|verify|list`: 公文製作 without the
/// window, over the same `DocumentService` the window uses (issue 14's command line).
struct DocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc", abstract: "公文製作：範本、檢查、列印、交換檔、簽核與驗證 (official letters).",
        discussion: "The workspace is --workspace, else CIVICDESK_WORKSPACE, else ~/.local/share/civicdesk; templates come from "
            + "CIVICDESK_DATA_DIR/templates. PINs are typed at the terminal without echo, or read from standard input with "
            + "--pin-stdin. Exit 0 on success, 1 on a refused request, 2 on wrong usage.",
        subcommands: [New.self, Validate.self, Show.self, Render.self, Export.self, Import.self, Sign.self, Verify.self, List.self])

    struct Options: ParsableArguments {
        @Option(name: .long, help: "The workspace folder (default: CIVICDESK_WORKSPACE, else ~/.local/share/civicdesk).")
        var workspace: String?

        @Option(name: .long, help: "A folder of PEM trust anchors to add (repeatable; CIVICDESK_TRUST_DIR is always read).")
        var trust: [String] = []

        func service() throws -> DocumentService {
            try Terminal.attempt { try DocumentService(folders: CivicDeskFolders(workspace: workspace, extraTrust: trust)) }
        }

        func trustStore(_ service: DocumentService) throws -> TrustStore {
            try Terminal.attempt { try service.loadTrust() }
        }
    }

    struct LetterID: ParsableArguments {
        @Argument(help: "The letter's id in the workspace (e.g. 1150000001).")
        var id: String
    }

    // MARK: new

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "以範本建立新公文（創稿），印出公文的編號。")

        @OptionGroup var options: Options

        @Option(name: .long, help: "The template's name (data/templates/NAME.json), e.g. xca-application.")
        var template: String

        @Option(name: .customLong("set"), help: ArgumentHelp("A key of the letter's JSON and its value (subject, contact.clerk, "
                + "paragraphs[0].items[0].text); repeatable.", valueName: "field=value"))
        var settings: [String] = []

        @Flag(name: .long, help: "Print {\"id\", \"state\", \"letter\"} as JSON.")
        var json = false

        func parsedSettings() throws -> [(field: String, value: String)] {
            try settings.map { setting in
                guard let equals = setting.firstIndex(of: "="), equals != setting.startIndex else {
                    throw ValidationError("--set 要寫成 欄位=值（例：subject=檢送…），「\(setting)」不是。")
                }
                return (String(setting[..<equals]), String(setting[setting.index(after: equals)...]))
            }
        }

        func validate() throws {
            _ = try parsedSettings()
        }

        func run() throws {
            let service = try options.service()
            let stored = try Terminal.attempt { try service.create(fromTemplate: template, settings: try parsedSettings()) }
            if json {
                print(try DocText.json(["id": stored.id, "state": stored.progress.state.rawValue, "letter": try DocText.letterObject(stored.letter)]))
            } else {
                print(stored.id)
            }
        }
    }

    // MARK: validate

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "檢查公文的 JSON 檔，每個問題一行；沒有問題時結束碼為 0。")

        @OptionGroup var options: Options

        @Argument(help: "The letter's JSON file.")
        var file: String

        func run() throws {
            let problems = try Terminal.attempt { try DocumentService.validate(jsonFile: URL(fileURLWithPath: file)) }
            guard problems.isEmpty else {
                problems.forEach { print($0) }
                throw ExitCode.failure
            }
            print(Terminal.text(UserMessage(zh: "公文內容沒有問題。", en: "The letter has no problems.")))
        }
    }

    // MARK: show

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "顯示公文的狀態、發文字號、主旨與簽核紀錄。")

        @OptionGroup var options: Options
        @OptionGroup var letter: LetterID

        @Flag(name: .long, help: "Print id, state, number, createdAt, fromAgency, deadline, letter (its JSON), history and kept as JSON.")
        var json = false

        func run() throws {
            let service = try options.service()
            let stored = try Terminal.attempt { try service.stored(letter.id) }
            if json {
                print(try DocText.json(try DocText.showObject(stored)))
            } else {
                DocText.show(stored).forEach { print($0) }
            }
        }
    }

    // MARK: render

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "將公文排成 A4 PDF（稿或正本）。")

        @OptionGroup var options: Options
        @OptionGroup var letter: LetterID

        @Option(name: .long, help: ArgumentHelp("The PDF file to write; missing folders are created, for you only (mode 0700).",
                                                 valueName: "file.pdf"))
        var out: String

        @Option(name: .long, help: ArgumentHelp("draft (稿) or original (正本).", valueName: "draft|original"))
        var variant: String = LetterVariant.draft.rawValue

        func validate() throws {
            if LetterVariant(rawValue: variant) == nil { throw ValidationError("--variant 只能是 draft（稿）或 original（正本）。") }
        }

        func run() throws {
            let service = try options.service()
            let chosen = LetterVariant(rawValue: variant) ?? .draft
            let pages = try Terminal.attempt { try service.render(letter.id, to: URL(fileURLWithPath: out), variant: chosen) }
            print(Terminal.text(UserMessage(zh: "已寫入 \(out)（\(chosen.mark)，共 \(pages) 頁）。", en: "Wrote \(out) (\(chosen.rawValue), \(pages) pages).")))
        }
    }

    // MARK: export

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "匯出公文交換檔：一個 .di 檔、它的附件，已簽核時附上簽章檔 .p7s。",
            discussion: "Every file is written under a temporary name and renamed when all are whole.")

        @OptionGroup var options: Options
        @OptionGroup var letter: LetterID

        @Option(name: .long, help: ArgumentHelp("The folder to write into; created for you only (mode 0700) when missing.",
                                                 valueName: "dir"))
        var out: String

        func run() throws {
            let service = try options.service()
            let export = try Terminal.attempt { try service.export(letter.id, to: URL(fileURLWithPath: out, isDirectory: true)) }
            let result = export.result
            ([result.diFile] + result.attachmentFiles + [result.signatureFile].compactMap { $0 }).forEach { print($0.path) }
            if let reason = export.unsignedBecause { Terminal.printError(Terminal.text(reason)) }
        }
    }

    // MARK: import

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "匯入其他系統的公文交換檔（.di 檔或其資料夾），印出編號與另外保留的元素。",
            discussion: "The same letter again (same 發文字號 and content, e.g. this workspace's own export) is not stored twice: "
                + "the letter already there is named and the exit status is 0. Another letter claiming a 發文字號 this "
                + "workspace gave is refused.")

        @OptionGroup var options: Options

        @Argument(help: "A .di file, or a folder holding one with its attachments.")
        var path: String

        @Flag(name: .long, help: "Print id, alreadyThere, kept (path, line, markup), problems and signature as JSON.")
        var json = false

        func run() throws {
            let service = try options.service()
            // Without any trust anchors the letter is still imported; a signature beside it is then left unchecked.
            let trust = options.trust.isEmpty ? try? service.loadTrust() : try options.trustStore(service)
            let imported = try Terminal.attempt { try service.importLetter(URL(fileURLWithPath: path), trust: trust) }
            if json {
                print(try DocText.json(DocText.importObject(imported)))
            } else {
                DocText.imported(imported).forEach { print($0) }
            }
        }
    }

    // MARK: sign

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "以卡片簽核公文：陳核（submit）、核稿（review）、決行（approve）、發文（dispatch，取發文字號）。")

        @OptionGroup var options: Options
        @OptionGroup var letter: LetterID
        @OptionGroup var card: RosterCommand.CardOptions

        @Option(name: .long, help: ArgumentHelp("submit (陳核), review (核稿), approve (決行) or dispatch (發文).",
                                                 valueName: "submit|review|approve|dispatch"))
        var step: String

        @Option(name: .long, help: ArgumentHelp("At dispatch: the 字 to number the letter under (e.g. 議秘), when not the letter's own.",
                                                 valueName: "字"))
        var word: String?

        func validate() throws {
            guard let parsed = SignOffStep(rawValue: step) else {
                throw ValidationError("--step 只能是 submit（陳核）、review（核稿）、approve（決行）或 dispatch（發文）。")
            }
            if word != nil && parsed != .dispatch { throw ValidationError("--word 只在 --step dispatch（發文）時使用。") }
            if let word, word.isEmpty { throw ValidationError("--word 不能是空的。") }
        }

        func run() throws {
            let service = try options.service()
            let trust = try options.trustStore(service)
            let step = SignOffStep(rawValue: self.step) ?? .submit
            // A step the letter's state does not allow is refused before the card and its PIN are asked for.
            let state = try Terminal.attempt { try service.stored(letter.id) }.progress.state
            guard step.from.contains(state) else { throw Terminal.fail(SignOffError.stepNotAllowed(step, state)) }
            let signer = try card.card()
            let login = try card.login(signer)
            let stored = try Terminal.attempt { try service.sign(letter.id, step: step, card: signer, login: login, trust: trust, word: word) }
            let number = stored.letter.number.map { "，發文字號 \($0.text)" } ?? ""
            print(Terminal.text(UserMessage(zh: "公文 \(stored.id) 已\(step.label.zh)\(number)。",
                                            en: "Letter \(stored.id): \(step.label.en) done\(stored.letter.number.map { ", number \($0.text)" } ?? "").")))
        }
    }

    // MARK: verify

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "驗證公文每個簽核步驟的簽章，或交換檔資料夾的 .p7s；簽章不符時指出是哪一步。")

        @OptionGroup var options: Options

        @Argument(help: "A letter's id, or an exported folder (or .di file) with its .p7s.")
        var target: String

        @Flag(name: .long, help: "Print intact, message, brokenStep and steps as JSON.")
        var json = false

        func run() throws {
            let service = try options.service()
            let trust = try options.trustStore(service)
            let path = URL(fileURLWithPath: target)
            if target.contains("/") || target.hasSuffix(".di") || FileManager.default.fileExists(atPath: target) {
                let result = try Terminal.attempt { try service.verifyFolder(path, trust: trust) }
                if json {
                    print(try DocText.json(["intact": result.isIntact, "message": Terminal.text(result.message), "file": result.diFile.path]))
                } else {
                    print(Terminal.text(result.message))
                }
                if !result.isIntact { throw ExitCode.failure }
                return
            }
            let verification = try Terminal.attempt { try service.verify(target, trust: trust) }
            if json {
                print(try DocText.json(DocText.verifyObject(verification)))
            } else {
                DocText.verified(verification).forEach { print($0) }
            }
            if !verification.isIntact { throw ExitCode.failure }
        }
    }

    // MARK: list

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "列出主辦公文（own）、會辦公文（countersign）或待核公文（pending）：公文文號、主旨、收創時間、來文機關、限辦日期、狀態。")

        @OptionGroup var options: Options

        @Option(name: .long, help: ArgumentHelp("own (主辦), countersign (會辦) or pending (待核).", valueName: "own|countersign|pending"))
        var box: String = DocumentBox.own.rawValue

        @Flag(name: .long, help: "Print a JSON array of rows (id, number, subject, createdAt, fromAgency, deadline, state, overdue).")
        var json = false

        func validate() throws {
            if DocumentBox(rawValue: box) == nil { throw ValidationError("--box 只能是 own（主辦）、countersign（會辦）或 pending（待核）。") }
        }

        func run() throws {
            let service = try options.service()
            let chosen = DocumentBox(rawValue: box) ?? .own
            let rows = try Terminal.attempt { try service.rows(chosen) }
            if json {
                print(try DocText.json(rows.map(DocText.rowObject)))
            } else {
                DocText.list(rows, box: chosen).forEach { print($0) }
            }
        }
    }
}
