import CGtk
import CivicCard
import CivicCore
import CivicServices

/// The PIN step of every card wizard: the card it is for, the PIN field (Enter submits), the
/// warning about tries left before anything is typed, the error after a wrong PIN, and a spinner
/// while the card checks it. The PIN goes from the field into a `PINCode` (`takePIN()`), never
/// into a `String`, and the field is emptied at once.
@MainActor
final class PINStepView {
    let root = Box(vertical: true, spacing: 18)
    let field = PasswordEntryRow(title: tr("PIN 碼"))
    /// Enter in the field.
    var onSubmit: (@MainActor () -> Void)?
    /// The typed length changed (the main button follows it).
    var onTyped: (@MainActor () -> Void)?
    private let intro = Label(wrap: true).xalign(0)
    private let warning = Notice(style: "warning", icon: "dialog-warning-symbolic")
    private let error = Notice(style: "error", icon: "dialog-error-symbolic")
    private let checking = Box(vertical: false, spacing: 12)

    init(purpose: String) {
        let group = PreferencesGroup()
        group.add(field)
        checking.append(Spinner().accessibleName(tr("正在驗證 PIN 碼…"))).append(Label(tr("正在驗證 PIN 碼…")).style("dim-label"))
        root.append(Label(tr("輸入 PIN 碼")).xalign(0).style("title-3"))
            .append(intro)
            .append(warning.root)
            .append(group)
            .append(error.root)
            .append(checking)
            .append(Label(purpose, wrap: true).xalign(0).style("dim-label"))
        field.onActivate { [weak self] in self?.onSubmit?() }
        field.onChanged { [weak self] in self?.onTyped?() }
    }

    /// The PIN's length and tries allow pressing the main button.
    func canSubmit(_ entry: PINEntry) -> Bool {
        entry.canSubmit(length: field.textLength)
    }

    func show(_ entry: PINEntry, cardName: String) {
        intro.text = String(format: tr("請輸入%@的 PIN 碼（6 到 8 碼）。PIN 碼只交給卡片核對，CivicDesk 不會記錄或保存。"), cardName)
        warning.show(entry.warning.map(tr))
        error.show(entry.error.map(tr))
        checking.isVisible = entry.isChecking
        field.isSensitive = !entry.isChecking && entry.tries != .locked
    }

    /// Puts the cursor in the field (the step was just shown, or the PIN was wrong).
    func focus() {
        field.grabFocus()
    }

    /// Takes the typed PIN (emptying the field) and has `card` check it in the background;
    /// `answer` gets the login, or why there is none.
    func check(with card: OperationCard, answer: @escaping @MainActor (Result<TokenLogin, TokenError>) -> Void) {
        let pin = field.takePIN()
        MainThread.background({
            Result { () throws(TokenError) -> TokenLogin in try card.login(pin: pin) }
        }, then: { result in answer(result) })
    }
}
