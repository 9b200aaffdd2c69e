/// What can go wrong between CivicDesk, the reader service (pcscd), a reader and a card, in words
/// a user can act on. CivicCard maps every PC/SC status to one of these.
public enum CardError: UserFacingError, Sendable, Hashable {
    /// pcscd is not running, or stopped while CivicDesk was using it.
    case serviceUnavailable
    /// The service runs but no reader is connected.
    case noReader
    /// The reader asked for is not (or no longer) connected.
    case readerNotFound(String)
    case noCard(reader: String)
    /// The card was taken out during the operation; nothing read so far is kept.
    case cardRemoved(reader: String)
    /// Another program holds the card exclusively (a sharing violation).
    case cardInUse(reader: String)
    /// The card does not answer, or answers garbage.
    case unresponsiveCard(reader: String)
    /// The card refused a command it should accept: it is not laid out as CivicDesk expects.
    case unexpectedAnswer(reader: String, command: String, status: StatusWord)
    /// A certificate slot holds bytes that are not a certificate.
    case damagedCertificate(reader: String)
    /// Any other failure the reader service reports, with its PC/SC code for support.
    case readerFailure(reader: String?, code: UInt32)

    public var message: UserMessage {
        switch self {
        case .serviceUnavailable:
            UserMessage(zh: "讀卡機服務（pcscd）沒有執行。請啟動它（例如 sudo systemctl start pcscd）後再試。",
                        en: "The smart card service (pcscd) is not running. Start it (for example "
                            + "sudo systemctl start pcscd) and try again.")
        case .noReader:
            UserMessage(zh: "找不到讀卡機。請接上讀卡機，稍候幾秒再試。",
                        en: "No card reader was found. Connect a reader, wait a few seconds and try again.")
        case .readerNotFound(let name):
            UserMessage(zh: "找不到讀卡機「\(name)」，它可能已被拔除。請檢查連接或改選其他讀卡機。",
                        en: "The reader “\(name)” was not found; it may have been unplugged. Check it or choose another reader.")
        case .noCard(let reader):
            UserMessage(zh: "讀卡機「\(reader)」中沒有卡片。請插入卡片（晶片朝向讀卡機）後再試。",
                        en: "There is no card in the reader “\(reader)”. Insert the card, chip first, and try again.")
        case .cardRemoved(let reader):
            UserMessage(zh: "卡片在讀取時從讀卡機「\(reader)」取出了，沒有讀到完整資料。請重新插入卡片，等讀取完成再取出。",
                        en: "The card was taken out of the reader “\(reader)” while it was being read, so nothing was kept. "
                            + "Insert it again and leave it in until reading finishes.")
        case .cardInUse(let reader):
            UserMessage(zh: "讀卡機「\(reader)」中的卡片正被其他程式獨占使用。請關閉其他使用卡片的程式（例如瀏覽器的憑證元件）後再試。",
                        en: "Another program is using the card in the reader “\(reader)” exclusively. Close other programs "
                            + "that use the card (such as a browser's certificate component) and try again.")
        case .unresponsiveCard(let reader):
            UserMessage(zh: "讀卡機「\(reader)」中的卡片沒有回應。請取出卡片，確認晶片乾淨、方向正確後重新插入。",
                        en: "The card in the reader “\(reader)” does not respond. Take it out, check that the chip is clean "
                            + "and the right way round, and insert it again.")
        case .unexpectedAnswer(let reader, let command, let status):
            UserMessage(zh: "讀卡機「\(reader)」中的卡片拒絕了讀取指令（\(command)，回應 \(status)）。這張卡片的內容不是預期的格式，可能不是憑證卡或已損壞。",
                        en: "The card in the reader “\(reader)” refused a read command (\(command), answer \(status)). "
                            + "Its contents are not laid out as expected; it may not be a certificate card, or it is damaged.")
        case .damagedCertificate(let reader):
            UserMessage(zh: "讀卡機「\(reader)」中卡片上的憑證無法解讀，卡片可能已損壞。請洽發卡機構換發。",
                        en: "A certificate on the card in the reader “\(reader)” cannot be read; the card may be damaged. "
                            + "Ask the issuing authority for a replacement.")
        case .readerFailure(let reader, let code):
            UserMessage(zh: "讀卡機\(reader.map { "「\($0)」" } ?? "服務")發生錯誤（PC/SC 代碼 0x\(String(code, radix: 16, uppercase: true))）。請重新插拔讀卡機後再試。",
                        en: "The \(reader.map { "reader “\($0)”" } ?? "smart card service") reported an error (PC/SC code "
                            + "0x\(String(code, radix: 16, uppercase: true))). Reconnect the reader and try again.")
        }
    }
}
