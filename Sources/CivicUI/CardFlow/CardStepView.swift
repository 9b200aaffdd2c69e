import CGtk
import CivicCore

/// The card step of every card wizard: what the reader holds, as it changes — insert the card
/// asked for, reading, the wrong card named as such (or, for the roster import, what the chosen
/// files are for), or the card ready for the PIN.
@MainActor
final class CardStepView {
    let root: Widget
    private let page = StatusPage(iconName: "auth-smartcard-symbolic", title: "")
    private let spinner = Spinner().size(width: 32, height: 32).align(horizontal: GTK_ALIGN_CENTER)

    private let request: CardRequest

    init(request: CardRequest) {
        self.request = request
        page.setChild(spinner)
        root = page
    }

    /// `problem` is the wizard's reason not to go on (the card's, or files not for this card)
    /// with the heading it gets under a usable card, given the holder's name.
    func show(_ presence: CardPresence, problem: (title: (String) -> String, message: UserMessage)?, nextLabel: String) {
        spinner.isVisible = false
        switch presence {
        case .absent:
            set(icon: "auth-smartcard-symbolic", title: tr(request.insertTitle),
                details: tr("將卡片插入讀卡機（晶片朝向讀卡機），CivicDesk 會自動偵測。"))
        case .waiting(let message):
            spinner.isVisible = true
            spinner.accessibleName(tr(message))
            set(icon: "auth-smartcard-symbolic", title: tr(message), details: "")
        case .unusable(let message):
            set(icon: "dialog-warning-symbolic", title: tr("這張卡片無法使用"), details: tr(message))
        case .present(let holder):
            if let problem {
                set(icon: "dialog-warning-symbolic", title: problem.title(holder), details: tr(problem.message))
            } else {
                set(icon: "emblem-ok-symbolic", title: String(format: tr("%@：%@"), tr(request.kind.name), holder),
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
