/// The length limits of a letter's fields, in characters as users count them (one 字 is one).
/// They keep a letter printable in the official layout and its DI file reasonable; each is well
/// above what real letters use (a 主旨 is advised to stay within two or three lines).
public enum LetterLimits {
    public static let fileNumber = 30
    public static let agencyName = 60
    /// 機關代碼: ten letters or digits (`A09000000E`, `XA` + an OID's last eight).
    public static let agencyCode = 10
    public static let address = 100
    public static let clerk = 30
    public static let phone = 30
    public static let email = 100
    public static let addresseeName = 100
    public static let numberWord = 10
    public static let classificationCondition = 100
    public static let attachmentsText = 200
    public static let attachmentFileName = 100
    public static let subject = 300
    public static let heading = 10
    public static let paragraphText = 1000
    public static let itemText = 1000
    public static let signature = 50
    /// 保存年限 in years when not 永久.
    public static let retentionYears = 1...100
    public static let serial = 1...9_999_999
    public static let branch = 1...99
}
