import CGtk
import CivicCore
import CivicServices
import CivicStore

/// A saved letter: where it stands (狀態), the page as it prints, the signed history (who, when,
/// which certificate) and the sign-off steps that may follow — 陳核, 核稿, 決行, 發文 — each
/// opening the card/PIN flow.
@MainActor
final class LetterPage {
    let root = Box(vertical: true)
    var onClose: (@MainActor () -> Void)?
    var onSign: (@MainActor (SignOffStep) -> Void)?
    let letter: StoredLetter
    private let preview = LetterPreview(scale: 1.2, accessibleName: tr("公文預覽"))
    private var stepButtons: [(SignOffStep, Button)] = []

    init(_ letter: StoredLetter) {
        self.letter = letter
        let back = Button(tr("返回公文列表"), iconName: "go-previous-symbolic")
        back.onClick { [weak self] in self?.onClose?() }
        let header = Box(vertical: false, spacing: 12).margins(top: 18, bottom: 12, start: 24, end: 24)
        let titles = Box(vertical: true, spacing: 4).expand(horizontally: true)
        titles.append(Label(letter.letter.subject, wrap: true, selectable: true).xalign(0).style("title-3"))
        let number = letter.letter.number?.text ?? letter.id
        titles.append(Label(String(format: tr("公文文號 %@・狀態：%@"), number, tr(letter.progress.state.label))).xalign(0).style("dim-label"))
        header.append(back.align(vertical: GTK_ALIGN_START)).append(titles)

        let actions = Box(vertical: false, spacing: 6)
        for step in letter.progress.state.nextSteps {
            let button = Button(tr(step.label), iconName: "document-edit-symbolic").style("suggested-action")
            button.onClick { [weak self] in self?.onSign?(step) }
            actions.append(button)
            stepButtons.append((step, button))
        }
        header.append(actions.align(vertical: GTK_ALIGN_START))

        let history = PreferencesGroup(title: tr("簽核歷程"))
        if letter.progress.history.isEmpty {
            history.add(ActionRow(title: tr("創稿"), subtitle: tr("尚未送陳核")))
        }
        for entry in letter.progress.history {
            history.add(ActionRow(title: tr(entry.step.label),
                                  subtitle: String(format: tr("%@・%@ %@・憑證序號 %@"), entry.signerName,
                                                   ROCDate.short(entry.signedAt.date) ?? entry.signedAt.date.iso,
                                                   entry.signedAt.clock, entry.certificateSerial)))
        }
        let side = Box(vertical: true, spacing: 12).size(width: 360).margins(top: 12, bottom: 12, start: 12, end: 24)
        side.append(history)
        let body = Box(vertical: false)
        body.append(preview.root.expand(horizontally: true, vertically: true).margins(top: 12, bottom: 12, start: 24, end: 12))
            .append(ScrolledWindow(side).expand(vertically: true))
        root.append(header).append(Separator(vertical: false)).append(body.expand(vertically: true))
        root.onKey("Escape") { [weak self] in
            self?.onClose?()
            return true
        }
        preview.show(letter.letter, variant: letter.progress.state == .dispatched ? .original : .draft)
    }

    /// Enables each sign-off button the one working in the window may use; the others are
    /// disabled, saying why (the missing permission), before any card or PIN is asked for.
    func allow(_ refusal: (SignOffStep) -> UserMessage?) {
        for (step, button) in stepButtons {
            let reason = refusal(step).map(tr)
            button.isSensitive = reason == nil
            button.tooltip = reason ?? String(format: tr("以自然人憑證簽章並%@"), tr(step.label))
            button.accessibleDescription(reason ?? "")
        }
    }
}
