/// The 請輸入下列欄位 form under both certificates' panels (首次註冊, 更換憑證): 姓名, 電子信箱,
/// 連絡電話 (範例：(02)2701-3411), 分機, 備註, checked as typed.
public struct ContactForm: Sendable, Equatable {
    public var name = ""
    public var email = ""
    public var phone = ""
    public var phoneExtension = ""
    public var notes = ""

    public init() {}

    /// The form filled with stored details (a replacement shows them to be confirmed).
    public init(_ contact: AdministratorContact) {
        name = contact.name
        email = contact.email
        phone = contact.phone
        phoneExtension = contact.phoneExtension ?? ""
        notes = contact.notes ?? ""
    }

    /// 範例：(02)2701-3411.
    public static let phoneExample = UserMessage(zh: "範例：(02)2701-3411", en: "Example: (02)2701-3411")

    public var details: Result<AdministratorContact, RegistryProblem> {
        Result { () throws(RegistryProblem) -> AdministratorContact in
            try AdministratorContact(name: name, email: email, phone: phone, phoneExtension: phoneExtension, notes: notes)
        }
    }

    /// 清除.
    public mutating func clear() {
        self = ContactForm()
    }
}

/// The 用戶約定條款 every registration and replacement starts with (seed 004, 圖3-4), adapted to
/// an office's own workspace.
public enum RegistryTerms {
    public static let title = UserMessage(zh: "用戶約定條款", en: "Terms of use")
    public static let accept = UserMessage(zh: "同意條款內容", en: "Accept the terms")
    public static let decline = UserMessage(zh: "不同意條款內容", en: "Decline")
    public static let clauses: [UserMessage] = [
        UserMessage(zh: "本機關應選用 CivicDesk 所需的電腦環境及安全的應用系統，並採取適當的防護控制措施。",
                    en: "The office uses a suitable, secure computer for CivicDesk and protects it appropriately."),
        UserMessage(zh: "本機關應確保資料之正確性，如因資料有誤、不實導致他人權益受損，應自行解決並承擔責任。",
                    en: "The office keeps its data correct and answers for harm caused by wrong data."),
        UserMessage(zh: "本機關應以機關憑證及授權管理者之自然人憑證完成註冊，進行經辦人權限設定（含授權指派、變更或停止作業），並監督其使用之正確性與安全性。",
                    en: "The office registers with its agency card and its administrator's citizen card, assigns clerks' permissions and oversees their use."),
        UserMessage(zh: "本機關應避免將相關憑證交付他人或遭他人冒用、盜用之情事發生，以善盡保管責任。",
                    en: "The office keeps its cards safe from misuse by others."),
        UserMessage(zh: "本機關自 CivicDesk 取得（查詢、列印）之資料，應負保密責任，如有不當使用或侵犯個人隱私，應依個人資料保護法暨其他相關規定負法律責任。",
                    en: "Data obtained through CivicDesk is confidential; misuse is answerable under the Personal Data Protection Act."),
    ]
}
