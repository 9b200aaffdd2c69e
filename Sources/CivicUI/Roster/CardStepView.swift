import CGtk
import CivicCore

/// The card step of both roster wizards: what the reader holds, as it changes — insert the card,
/// reading, the wrong card named as such (with what the chosen files are for), or the lead
/// person's card ready for the PIN.
@MainActor
final class CardStepView {
    let root: Widget
    private let page = StatusPage(iconName: "auth-smartcard-symbolic", title: "")
    private let spinner = Spinner().size(width: 32, height: 32).align(horizontal: GTK_ALIGN_CENTER)

    init() {
        page.setChild(spinner)
        root = page
    }

    /// `problem` is the wizard's reason not to go on (the card's, or files not for this card).
    func show(_ presence: CardPresence, problem: UserMessage?, nextLabel: String) {
        spinner.isVisible = false
        switch presence {
        case .absent:
            set(icon: "auth-smartcard-symbolic", title: tr("請插入領銜人的自然人憑證"),
                details: tr("將卡片插入讀卡機（晶片朝向讀卡機），CivicDesk 會自動偵測。"))
        case .waiting(let message):
            spinner.isVisible = true
            spinner.accessibleName(tr(message))
            set(icon: "auth-smartcard-symbolic", title: tr(message), details: "")
        case .unusable(let message):
            set(icon: "dialog-warning-symbolic", title: tr("這張卡片無法使用"), details: tr(message))
        case .present(let holder):
            if let problem {
                set(icon: "dialog-warning-symbolic", title: String(format: tr("有檔案不是加密給%@的卡片"), holder),
                    details: tr(problem))
            } else {
                set(icon: "emblem-ok-symbolic", title: String(format: tr("自然人憑證：%@"), holder),
                    details: String(format: tr("卡片已就緒。請按「%@」，再輸入 PIN 碼。"), nextLabel))
            }
        }
    }

    private func set(icon: String, title: String, details: String) {
        page.iconName = icon
        page.title = title
        page.details = Markup.escape(details)
    }
}
