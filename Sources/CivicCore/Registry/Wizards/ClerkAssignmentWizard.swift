/// 授權指派: 機關憑證確認 → 授權管理者自然人憑證確認 → 授權經辦人清單, from which a clerk is added
/// (新增), changed (修改) or removed (刪除, after 刪除確認). The list shows the seed's messages
/// after each change (新增成功！ 修改成功！ 刪除成功！).
public struct ClerkAssignmentWizard: Sendable, Equatable {
    public enum Step: Sendable, Equatable {
        case agencyCard, administratorCard, list
        case edit(ClerkEditor)
        /// 刪除確認: 您確定刪除這筆資料?
        case confirmRemoval(Clerk)
    }

    public private(set) var step: Step = .agencyCard
    public var agency = RegistryCardStep(role: .agency)
    public var administrator = RegistryCardStep(role: .person)
    /// 使用者資訊: 機關代號, 機關名稱, 授權管理者姓名.
    public private(set) var office: Office?
    public private(set) var clerks: [Clerk] = []
    /// 新增成功！ and the like, or the refusal of the last change.
    public private(set) var notice: UserMessage?
    public private(set) var error: UserMessage?

    public init() {}

    public mutating func agencyProven() {
        agency.proved()
        if step == .agencyCard { step = .administratorCard }
    }

    /// Both cards are the office's: the list.
    public mutating func administratorProven(office: Office, clerks: [Clerk]) {
        administrator.proved()
        self.office = office
        self.clerks = clerks
        step = .list
    }

    /// 目前查無資料！ when nobody is assigned.
    public var emptyListMessage: UserMessage? {
        clerks.isEmpty ? UserMessage(zh: "目前查無資料！", en: "No clerks yet.") : nil
    }

    /// 新增.
    public mutating func add() {
        guard step == .list else { return }
        notice = nil
        error = nil
        step = .edit(ClerkEditor())
    }

    /// 修改.
    public mutating func change(_ clerk: Clerk) {
        guard step == .list else { return }
        notice = nil
        error = nil
        step = .edit(ClerkEditor(clerk))
    }

    /// 刪除 (asks first).
    public mutating func remove(_ clerk: Clerk) {
        guard step == .list else { return }
        notice = nil
        step = .confirmRemoval(clerk)
    }

    /// The form being edited, changed in place.
    public mutating func updateEditor(_ change: (inout ClerkEditor) -> Void) {
        guard case .edit(var editor) = step else { return }
        change(&editor)
        step = .edit(editor)
    }

    /// The service stored the change: back to the list with its message.
    public mutating func changed(clerks: [Clerk]) {
        let message: UserMessage
        switch step {
        case .edit(let editor):
            message = editor.original == nil ? UserMessage(zh: "新增成功！", en: "Added.") : UserMessage(zh: "修改成功！", en: "Changed.")
        case .confirmRemoval:
            message = UserMessage(zh: "刪除成功！", en: "Removed.")
        default:
            return
        }
        self.clerks = clerks
        notice = message
        error = nil
        step = .list
    }

    /// The service refused the change (serial or ID taken …): the form stays with the message.
    public mutating func failed(_ message: UserMessage) {
        error = message
    }

    /// 取消 / 上一頁 / 關閉.
    public mutating func back() {
        error = nil
        switch step {
        case .edit, .confirmRemoval: step = .list
        case .administratorCard:
            agency = RegistryCardStep(role: .agency)
            step = .agencyCard
        case .agencyCard, .list: break
        }
    }
}

/// 新增授權經辦人 / 修改授權經辦人: 憑證序號(SN) (typed, or read from the clerk's card with
/// 讀取憑證, which also fills 姓名), 姓名, 身分證統一編號, and the 功能選單 permissions.
public struct ClerkEditor: Sendable, Equatable {
    /// The clerk being changed; nil when adding.
    public let original: Clerk?
    public var serial = ""
    public var name = ""
    public var personalID = ""
    public var permissions: Set<PermissionKey> = []
    /// Why the card read with 讀取憑證 could not fill the form.
    public private(set) var cardProblem: UserMessage?

    public init() {
        original = nil
    }

    public init(_ clerk: Clerk) {
        original = clerk
        serial = clerk.serial.hex
        name = clerk.name
        personalID = clerk.personalID.value
        permissions = Set(clerk.permissions.keys)
    }

    /// 新增授權經辦人 or 修改授權經辦人.
    public var title: UserMessage {
        original == nil ? UserMessage(zh: "新增授權經辦人", en: "Add a clerk") : UserMessage(zh: "修改授權經辦人", en: "Change a clerk")
    }

    public static let instruction = UserMessage(
        zh: "新增指派經辦人，請放入指派經辦人自然人憑證以便匯入憑證序號及姓名。憑證序號(SN)：請直接輸入本欄位或於讀卡機中插入自然人憑證後按讀取憑證。",
        en: "Insert the clerk's citizen card and press Read certificate to fill the serial and name, or type the serial.")

    /// 讀取憑證: the clerk's card, read without a PIN, fills 憑證序號 and 姓名.
    public mutating func cardRead(_ contents: CardContents?) {
        guard let contents else {
            cardProblem = UserMessage(zh: "讀卡機中沒有卡片，請插入經辦人的自然人憑證。", en: "No card in the reader: insert the clerk's citizen card.")
            return
        }
        switch RegistryCardStep.judge(contents, as: .person) {
        case .success(let certificate):
            serial = certificate.serialHex
            name = certificate.commonName ?? name
            cardProblem = nil
        case .failure(let problem):
            cardProblem = problem.message
        }
    }

    /// Ticks or unticks an action, or every action of a group.
    public mutating func toggle(_ node: PermissionCatalogue.Node, on: Bool) {
        for action in node.actions {
            if on { permissions.insert(PermissionKey(action.key)) } else { permissions.remove(PermissionKey(action.key)) }
        }
    }

    /// A group's box: ticked, unticked, or mixed.
    public func state(of node: PermissionCatalogue.Node) -> Bool? {
        let ticked = node.actions.filter { permissions.contains(PermissionKey($0.key)) }.count
        return ticked == 0 ? false : ticked == node.actions.count ? true : nil
    }

    /// The clerk the form describes, or the first thing wrong in it.
    public var clerk: Result<Clerk, RegistryProblem> {
        Result { () throws(RegistryProblem) -> Clerk in
            try Clerk(serial: CertificateSerial(serial), name: name, personalID: NationalID(personalID),
                      permissions: PermissionSet(permissions))
        }
    }

    public var problem: UserMessage? { clerk.failureMessage }
}
