/// An agency as letters name it: 全銜 (its full official name) and 機關代碼 (the exchange's
/// code, ten letters or digits, `XA` + the OID's last eight for an XCA holder). The sender of a
/// letter is one; exchange needs the code, so it is kept even where paper shows only the name.
public struct Agency: Sendable, Hashable {
    /// 全銜.
    public var name: String
    /// 機關代碼; empty when not known yet.
    public var code: String

    public init(name: String = "", code: String = "") {
        self.name = name
        self.code = code
    }
}

/// Someone a letter goes to: 受文者, an entry of 正本 or 副本. `name` is what is printed (a 全銜,
/// a unit, a person with title, or a collective name such as 各議員服務處); `agencyCode` is needed
/// only for electronic exchange.
public struct Addressee: Sendable, Hashable {
    public var name: String
    /// 機關代碼, empty for paper delivery or a collective name.
    public var agencyCode: String
    /// 含附件: the attachments go to this addressee too (printed `（含附件）` after a 副本).
    public var withAttachments: Bool

    public init(name: String = "", agencyCode: String = "", withAttachments: Bool = false) {
        self.name = name
        self.agencyCode = agencyCode
        self.withAttachments = withAttachments
    }
}

/// 聯絡方式: how the recipient reaches the clerk handling the letter (承辦人).
public struct ContactDetails: Sendable, Hashable {
    /// 承辦人.
    public var clerk: String
    /// 電話.
    public var phone: String
    /// 傳真.
    public var fax: String
    /// 電子信箱.
    public var email: String

    public init(clerk: String = "", phone: String = "", fax: String = "", email: String = "") {
        self.clerk = clerk
        self.phone = phone
        self.fax = fax
        self.email = email
    }
}
