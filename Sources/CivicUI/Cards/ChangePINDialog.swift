import CivicCard
import CivicCore
import Foundation

/// The 變更 PIN 碼 dialog over `PINChangeFlow`: finds the card's token and changes the PIN off
/// the main thread, asks for the PINs in an AdwMessageDialog, and says what happened (a toast
/// when done). A message dialog closes with every answer, so after a slip or a wrong PIN it
/// opens again, empty, with the message on top. PINs go from the fields into `PINCode`s.
@MainActor
final class ChangePINDialog {
    let certificate: CertificateInfo
    /// Called with true while the token is being looked for or is changing the PIN.
    var onBusyChanged: (@MainActor (Bool) -> Void)?
    /// Called once the flow has ended, however it ended.
    var onFinished: (@MainActor () -> Void)?

    private var flow = PINChangeFlow()
    private let services: AppServices
    private let cardName: String
    private weak var anchor: Widget?
    private var token: Token?
    private var dialog: MessageDialog?

    init(services: AppServices, certificate: CertificateInfo, cardName: String, anchor: Widget) {
        self.services = services
        self.certificate = certificate
        self.cardName = cardName
        self.anchor = anchor
    }

    var isBusy: Bool {
        flow.step == .findingToken || flow.step == .changing
    }

    func start() {
        onBusyChanged?(true)
        let services = services
        let certificate = certificate
        MainThread.background({
            Result { () throws(TokenError) -> Token? in try services.token(holding: certificate) }
        }, then: { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(let token?):
                self.token = token
                self.flow.tokenFound(pinStatus: token.description.pinStatus)
            case .success(nil):
                self.flow.tokenMissing(nil)
            case .failure(let error):
                self.flow.tokenMissing(error)
            }
            self.show()
        })
    }

    /// The card was taken out or replaced: an open question is withdrawn; a change under way
    /// still reports how it ended.
    func cardWentAway() {
        guard case .asking = flow.step else { return }
        dialog?.close()
        dialog = nil
        flow.cancel()
        show()
    }

    private func show() {
        onBusyChanged?(isBusy)
        switch flow.step {
        case .findingToken, .changing:
            break
        case .asking(let error, let warning):
            ask(error: error, warning: warning)
        case .changed:
            anchor?.showToast(tr("PIN 碼已變更，請記住新的 PIN 碼。"))
            onFinished?()
        case .impossible(let message):
            let notice = MessageDialog(parent: anchor?.rootWindow, heading: tr("無法變更 PIN 碼"), body: tr(message),
                                       answers: [.init(id: "ok", label: tr("確定"), kind: .suggested)],
                                       defaultAnswer: "ok", closeAnswer: "ok")
            notice.onResponse { [weak self] _ in
                self?.dialog = nil
                self?.onFinished?()
            }
            dialog = notice
            notice.present()
        case .cancelled:
            onFinished?()
        }
    }

    private func ask(error: UserMessage?, warning: UserMessage?) {
        let current = PasswordEntryRow(title: tr("目前的 PIN 碼"))
        let new = PasswordEntryRow(title: tr("新 PIN 碼"))
        let again = PasswordEntryRow(title: tr("再次輸入新 PIN 碼"))
        let fields = PreferencesGroup()
        let extra = Box(vertical: true, spacing: 12)
        for (message, style) in [(error, "error"), (warning, "warning")] {
            if let message { extra.append(Label(tr(message), wrap: true).xalign(0).style(style)) }
        }
        extra.append(fields)
        let body = String(format: tr("卡片：%@\n請輸入目前的 PIN 碼，再輸入兩次新的 PIN 碼。新的 PIN 碼須為 6 到 8 碼英文字母或數字。"), cardName)
        let dialog = MessageDialog(parent: anchor?.rootWindow, heading: tr("變更 PIN 碼"), body: body,
                                   answers: [.init(id: "cancel", label: tr("取消")),
                                             .init(id: "change", label: tr("變更"), kind: .suggested)],
                                   defaultAnswer: "change", closeAnswer: "cancel")
        dialog.setAnswerEnabled("change", false)
        for row in [current, new, again] {
            row.activatesDefault()
            // Weak: the rows and the dialog hold these closures; strong captures would keep them all alive.
            row.onChanged { [weak dialog, weak current, weak new, weak again] in
                dialog?.setAnswerEnabled("change", [current, new, again].allSatisfy { $0?.isEmpty == false })
            }
            fields.add(row)
        }
        dialog.setExtraChild(extra)
        dialog.onResponse { [weak self] answer in
            guard let self else { return }
            self.dialog = nil
            if answer == "change" {
                self.submit(current: current.takePIN(), new: new.takePIN(), again: again.takePIN())
            } else {
                [current, new, again].forEach { $0.takePIN().wipe() }
                self.flow.cancel()
                self.show()
            }
        }
        self.dialog = dialog
        dialog.present()
        current.grabFocus()
    }

    private func submit(current: PINCode, new: PINCode, again: PINCode) {
        guard flow.submit(current: current, new: new, again: again), let token else { return show() }
        show()
        MainThread.background({
            Result { () throws(TokenError) in try token.changePIN(old: current, new: new) }
        }, then: { [weak self] result in
            self?.flow.finished(result)
            self?.show()
        })
    }
}
