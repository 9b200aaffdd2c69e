import CivicCard
import CivicCore
import CivicCrypto
import CivicDocumentExchange
import CivicRender
import CivicStore
import Foundation

/// 公文製作 over the real adapters, for the command line and the window alike: letters from
/// templates, validation, the PDF, the DI exchange folder, the signed sign-off (each step signed
/// on the acting user's card over the exact DI bytes of that version; 發文 takes its number in the
/// same transaction), verification and the three lists.
///
///     let service = try DocumentService(folders: CivicDeskFolders())
///     let id = try service.create(fromTemplate: "xca-application", settings: [("subject", "…")])
///     let card = try OperationCard.open(.uri("pkcs11:token=lead"))
///     let login = try card.login(pin: pin)
///     try service.sign(id, step: .submit, card: card, login: login, trust: try service.loadTrust())
///
/// Every call may block (files, SQLite, the card): the window runs them off its main thread.
public final class DocumentService: Sendable {
    public let folders: CivicDeskFolders
    public let store: DocumentStore
    public let office: any OfficeAuthorityProviding
    /// CivicDesk's data folder (`InstalledFiles().data`), holding `templates/`.
    public let dataFolder: URL

    /// `office` nil: the registry of the same workspace (`RegistryOffice`) decides who may sign.
    public init(folders: CivicDeskFolders, office: (any OfficeAuthorityProviding)? = nil,
                dataFolder: URL = InstalledFiles().data, now: @escaping @Sendable () -> Timestamp = RosterStore.localNow) throws {
        self.folders = folders
        let database = try WorkspaceDatabase(folder: folders.workspace)
        self.office = office ?? RegistryOffice(database: database)
        self.dataFolder = dataFolder
        store = DocumentStore(database: database, now: now)
        self.now = now
    }

    let now: @Sendable () -> Timestamp

    public func loadTrust() throws -> TrustStore {
        try folders.loadTrust()
    }

    // MARK: Drafting

    /// The templates' names (`data/templates/NAME.json`), sorted.
    public func templateNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: templatesFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }

    var templatesFolder: URL { dataFolder.appendingPathComponent("templates", isDirectory: true) }

    /// The template `name` as a letter, with `settings` (`FIELD=VALUE` of the command line:
    /// JSON keys such as `subject`, `sender.name`, `paragraphs[0].items[1].text`) applied.
    public func letter(fromTemplate name: String, settings: [(field: String, value: String)] = []) throws -> OfficialLetter {
        guard DocumentSettings.isTemplateName(name), templateNames().contains(name) else {
            throw DocumentServiceError.unknownTemplate(name, available: templateNames(), folder: templatesFolder.path)
        }
        let data = try Data(contentsOf: templatesFolder.appendingPathComponent(name + ".json"))
        return try DocumentSettings.apply(settings, to: data)
    }

    /// Stores a new draft made from a template; refused, with every problem, when it is not a
    /// valid draft.
    public func create(fromTemplate name: String, settings: [(field: String, value: String)] = []) throws -> StoredLetter {
        let letter = try letter(fromTemplate: name, settings: settings)
        return try create(letter)
    }

    /// Stores a new draft (the wizard's 儲存) with its attached files, copied into the workspace
    /// where `export` takes them from. `drafterSerial`: the signed-in clerk's certificate serial,
    /// whose 主辦公文 it is; empty, the card of its 陳核 makes it theirs.
    public func create(_ letter: OfficialLetter, attachments: [(fileName: String, source: URL)] = [],
                       drafterSerial: String = "") throws -> StoredLetter {
        let problems = LetterValidator.problems(in: letter)
        guard problems.isEmpty else { throw DocumentServiceError.invalid(problems.map { $0.line(in: letter) }) }
        return try stored(store.create(NewLetterRecord(letter: letter, drafterSerial: drafterSerial, attachments: attachments)))
    }

    /// Every problem of a letter's JSON file, one line each; empty when it is a valid draft.
    public static func validate(jsonFile: URL) throws -> [String] {
        let data: Data
        do {
            data = try Data(contentsOf: jsonFile)
        } catch {
            throw DocumentServiceError.unreadable(path: jsonFile.path)
        }
        let letter = try LetterJSON.decode(data)
        return LetterValidator.problems(in: letter).map { $0.line(in: letter) }
    }

    /// The letter `id`.
    public func stored(_ id: String) throws -> StoredLetter {
        guard let stored = try store.letter(id) else { throw DocumentStoreError.unknownLetter(id) }
        return stored
    }

    // MARK: Output

    /// Writes the letter's PDF (whole or not at all); returns the number of pages.
    @discardableResult
    public func render(_ id: String, to file: URL, variant: LetterVariant) throws -> Int {
        try LetterRenderer(try stored(id).letter, variant: variant).writePDF(to: file)
    }

    /// What an export wrote, and why it carries no signature when it does not.
    public struct Export: Sendable {
        public let result: DIExportResult
        /// The step whose signature went beside the DI file as `.p7s`; nil when unsigned.
        public let signedStep: SignOffEntry?
        /// Set when the letter was signed but changed since, so the last signature was left out.
        public let unsignedBecause: UserMessage?
    }

    /// Writes `folder/{id}.di`, its attachments and, when the current version is the one last
    /// signed, `{id}.p7s`: that step's detached CMS signature, made on the card over exactly
    /// these bytes.
    public func export(_ id: String, to folder: URL) throws -> Export {
        let stored = try stored(id)
        let files = Dictionary(try store.attachments(id).map { ($0.fileName, $0.file) }) { first, _ in first }
        let last = stored.progress.history.last
        let current = try DILetterWriter.document(for: stored.letter)
        let signed = last.flatMap { $0.xml == current ? $0 : nil }
        let result = try DIFolderExport.export(stored.letter, to: folder, baseName: id, attachmentSource: { attachment in
            files[attachment.fileName] ?? store.attachmentFolder(id).appendingPathComponent(attachment.fileName)
        }, sign: signed.map { entry in { _ in entry.signature } })
        var reason: UserMessage?
        if let last, signed == nil { reason = DocumentServiceError.changedSinceSigned(last.step).message }
        return Export(result: result, signedStep: signed, unsignedBecause: reason)
    }

    /// What an import stored and found.
    public struct Import: Sendable {
        public let letter: StoredLetter
        /// Elements CivicDesk has no field for, kept with the letter.
        public let kept: [DIKeptElement]
        /// The problems CivicDesk's rules find in the letter as it came (it is stored anyway).
        public let problems: [String]
        /// `NAME.p7s` beside the DI file, when one came with it.
        public let signatureFile: URL?
        /// Its check over the DI file's bytes; nil without a signature file or trust anchors.
        public let signature: SignatureCheck?
        /// True when the workspace already held this very letter (`letter`); nothing was stored.
        public let wasAlreadyThere: Bool

        /// What to tell the user when the letter was already there.
        public var alreadyThereMessage: UserMessage? {
            guard wasAlreadyThere else { return nil }
            let number = letter.letter.number.map { "（發文字號 \($0.text)）" } ?? ""
            return UserMessage(zh: "這份公文\(number)已在工作區，編號 \(letter.id)，內容相同，未重複匯入。",
                               en: "This letter\(letter.letter.number.map { " (\($0.text))" } ?? "") is already in the workspace as \(letter.id), "
                                   + "with the same content; it was not imported again.")
        }
    }

    /// Reads a DI file (or a folder holding one) from another system and stores the letter with
    /// its attachments; its 發文機關 becomes the 來文機關 of the lists. A `.p7s` beside it is
    /// checked against `trust` when there are anchors.
    ///
    /// Bringing back a letter the workspace already holds — its own export, or the same file
    /// imported twice — names the letter there (`wasAlreadyThere`) and stores nothing: it is not
    /// an error, as the user has what they asked for, and a copy would hold the same 發文字號 twice.
    /// "The same letter" is one with the same 發文字號 and 發文機關 whose fields (as CivicDesk reads
    /// the DI file), elements kept aside and attachment bytes are all equal, and, when both the
    /// file and the stored letter carry signatures, whose `.p7s` is one of the stored letter's
    /// own. Any other letter claiming a number this workspace gave is refused by name
    /// (`DocumentNumberError.alreadyUsed`); one differing under another office's number (a
    /// corrected resend) is stored as a new letter. A letter without a number (a draft) has
    /// nothing to be recognised by and is always stored anew.
    public func importLetter(_ path: URL, trust: TrustStore?) throws -> Import {
        let read = try DIFolderImport.read(path)
        let letter = read.letter
        let signatureBytes = try read.signatureFile.map { [UInt8](try Data(contentsOf: $0)) }
        var signature: SignatureCheck?
        if let signatureBytes, let trust {
            signature = DetachedSignatureVerifier(trustStore: trust).check(signature: signatureBytes, over: read.bytes)
        }
        let kept = String(decoding: try JSONEncoder().encode(read.kept), as: UTF8.self)
        let attachments = zip(letter.attachments.files, read.attachmentFiles).map { (fileName: $0.fileName, source: $1) }
        let outcome = try store.createImported(NewLetterRecord(letter: letter, fromAgency: letter.sender.name, keptJSON: kept,
                                                               attachments: attachments)) { stored, storedFiles in
            Self.isSame(read, signature: signatureBytes, attachments: attachments, as: stored, storedFiles: storedFiles)
        }
        let id: String
        switch outcome {
        case let .created(created): id = created
        case let .alreadyThere(existing): id = existing
        }
        return Import(letter: try stored(id), kept: read.kept, problems: LetterValidator.problems(in: letter).map { $0.line(in: letter) },
                      signatureFile: read.signatureFile, signature: signature, wasAlreadyThere: outcome == .alreadyThere(id))
    }

    /// Whether the DI file `read` brings the letter `stored` again (see `importLetter`).
    private static func isSame(_ read: DIImportResult, signature: [UInt8]?, attachments: [(fileName: String, source: URL)],
                               as stored: StoredLetter, storedFiles: [StoredAttachment]) -> Bool {
        guard stored.letter == read.letter,
              (try? JSONDecoder().decode([DIKeptElement].self, from: Data(stored.keptJSON.utf8))) == read.kept,
              storedFiles.map(\.fileName) == attachments.map(\.fileName) else { return false }
        if let signature, !stored.progress.history.isEmpty, !stored.progress.history.contains(where: { $0.signature == signature }) {
            return false
        }
        for (kept, incoming) in zip(storedFiles, attachments) {
            guard let bytes = try? Data(contentsOf: kept.file), bytes == (try? Data(contentsOf: incoming.source)) else { return false }
        }
        return true
    }

    // MARK: Sign-off

    /// The actor the card's signing certificate makes, judged against `trust` now.
    public func actor(card: OperationCard, trust: TrustStore) throws -> (SignOffActor, CertificateInfo) {
        guard let certificate = card.signingCertificate else { throw TokenError.keyNotFound(.signature) }
        let authorities = card.certificates.map(\.certificate).filter(\.isCA)
        let chains = trust.chainsIgnoringDates(certificate, intermediates: authorities)
        return (SignOffActor(certificate: certificate, chainsToAnchors: chains, at: now().instant), certificate)
    }

    /// Takes `step` on the card: checks who may (`SignOffPolicy` under the office's authority),
    /// signs the exact DI bytes of the letter as it now stands (at 發文: dated today, under `word`
    /// when given, numbered inside the same transaction) and records the step. `login` is logged
    /// out before this returns.
    public func sign(_ id: String, step: SignOffStep, card: OperationCard, login: TokenLogin, trust: TrustStore,
                     word: String? = nil) throws -> StoredLetter {
        defer { login.logout() }
        let (actor, certificate) = try actor(card: card, trust: trust)
        let authority = try office.authority(for: certificate)
        let key = try login.signingKey()
        let time = now()
        // 發文日期 and the numbering year are Taiwan's, whatever the computer's time zone.
        let day = time.inTaiwanTime.date
        func check(_ stored: StoredLetter, _ letter: OfficialLetter, purpose: LetterValidator.Purpose) throws {
            if let refusal = SignOffPolicy.refusal(step, state: stored.progress.state, actor: actor, authority: authority) {
                throw DocumentServiceError.refused(refusal)
            }
            let problems = LetterValidator.problems(in: letter, for: purpose)
            guard problems.isEmpty else { throw DocumentServiceError.invalid(problems.map { $0.line(in: letter) }) }
        }
        func entry(_ letter: OfficialLetter) throws -> SignOffEntry {
            let xml = try DILetterWriter.document(for: letter)
            let signature = try DetachedSigner.sign(xml, with: key, signingTime: time.instant)
            return SignOffEntry(step: step, actor: actor, signedAt: time, xml: xml, signature: signature)
        }
        guard step == .dispatch else {
            if word != nil { throw DocumentServiceError.wordOnlyAtDispatch }
            return try store.recordStep(id) { stored in
                try check(stored, stored.letter, purpose: .draft)
                return (try entry(stored.letter), certificate.der)
            }
        }
        func dated(_ stored: StoredLetter) -> OfficialLetter {
            var letter = stored.letter
            if let word { letter.numberWord = word }
            letter.date = day
            return letter
        }
        return try store.dispatch(id, key: { stored in
            let letter = dated(stored)
            guard !letter.numberWord.isEmpty else { throw DocumentNumberError.noWord }
            if let refusal = SignOffPolicy.refusal(step, state: stored.progress.state, actor: actor, authority: authority) {
                throw DocumentServiceError.refused(refusal)
            }
            return NumberSequenceKey(letter: letter, date: day)
        }, make: { stored, number in
            var letter = dated(stored)
            letter.number = number
            try check(stored, letter, purpose: .dispatch)
            return (letter, try entry(letter), certificate.der)
        })
    }

    /// Checks every signature of the letter's history and whether it still reads as last signed.
    public func verify(_ id: String, trust: TrustStore) throws -> SignOffVerification {
        let stored = try stored(id)
        let verifier = DetachedSignatureVerifier(trustStore: trust)
        return SignOffVerification(history: stored.progress.history, currentXML: try DILetterWriter.document(for: stored.letter)) {
            verifier.check(signature: $0.signature, over: $0.xml)
        }
    }

    /// An exchange folder's `.p7s` checked over its DI file's exact bytes.
    public struct FolderVerification: Sendable {
        public let diFile: URL
        public let letter: OfficialLetter
        /// Nil when the folder has no `.p7s`.
        public let check: SignatureCheck?

        public var isIntact: Bool {
            guard case let .verified(_, trusted)? = check else { return false }
            return trusted
        }

        public var message: UserMessage {
            let name = diFile.lastPathComponent
            switch check {
            case nil:
                return UserMessage(zh: "「\(name)」沒有簽章檔（.p7s）。", en: "\(name) has no signature file (.p7s).")
            case .malformed?:
                return UserMessage(zh: "「\(name)」的簽章檔無法辨識。", en: "The signature file of \(name) is unreadable.")
            case .badSignature?:
                return UserMessage(zh: "「\(name)」的簽章與檔案內容不符：檔案在簽章後被修改過。",
                                   en: "The signature of \(name) does not match its content: the file was changed after it was signed.")
            case let .verified(signer, trusted)?:
                let who = signer.commonName ?? signer.subject.description
                return trusted
                    ? UserMessage(zh: "「\(name)」的簽章正確，簽章者：\(who)（序號 \(signer.serialHex)）。",
                                  en: "The signature of \(name) verifies; signed by \(who) (serial \(signer.serialHex)).")
                    : UserMessage(zh: "「\(name)」的簽章者 \(who) 的憑證不是由信任的憑證管理中心簽發。",
                                  en: "The signer of \(name), \(who), holds a certificate no trusted authority issued.")
            }
        }
    }

    public func verifyFolder(_ path: URL, trust: TrustStore) throws -> FolderVerification {
        let read = try DIFolderImport.read(path)
        let check = try read.signatureFile.map { file in
            DetachedSignatureVerifier(trustStore: trust).check(signature: [UInt8](try Data(contentsOf: file)), over: read.bytes)
        }
        return FolderVerification(diFile: read.diFile, letter: read.letter, check: check)
    }

    // MARK: Lists

    /// The rows of `box` for `actor` (the signed-in user's card), overdue marked as of today in Taiwan.
    /// Without an actor in a workspace without an office, the one person's lists: every letter
    /// is 主辦, 待核 holds those sent up and not yet dispatched, 會辦 those asked of anyone.
    public func rows(_ box: DocumentBox, actor: SignOffActor? = nil, authority: SignOffAuthority = .solo) throws -> [DocumentListRow] {
        let summaries = try store.summaries()
        let today = now().inTaiwanTime.date
        guard let actor else {
            let chosen = summaries.filter { summary in
                switch box {
                case .own: true
                case .countersign: summary.state != .dispatched && !summary.countersignerSerials.isEmpty
                case .pending: summary.state != .drafted && summary.state != .dispatched
                }
            }
            return chosen.sorted { $0.createdAt > $1.createdAt }.map { DocumentListRow($0, today: today) }
        }
        return DocumentLists.rows(summaries, box: box, actor: actor, authority: authority, today: today)
    }
}
