import CGtk
import CivicCore

/// A usable card on the readers page: the reader list, the card's kind and holder with the
/// 變更 PIN 碼 button, a note when certificates cannot be judged, then each of the holder's
/// certificates with its fields, badge and copy button, and the issuing authorities' below.
@MainActor
final class CardPanelView {
    var root: Widget { scroller }
    var onChangePIN: (@MainActor () -> Void)?
    private let pinButton = Button(tr("變更 PIN 碼"))
    private let pinSpinner = Spinner()
    private let scroller = ScrolledWindow()
    private let column = Box(vertical: true, spacing: 24).margins(top: 24, bottom: 36, start: 12, end: 12)

    init(_ panel: ReadersPageDisplay.CardPanel, readers: PreferencesGroup) {
        column.append(readers).append(header(panel))
        if let note = panel.trustNote { column.append(Notice(style: "warning", icon: "dialog-warning-symbolic", text: tr(note)).root) }
        for summary in panel.holderCertificates {
            column.append(Self.holderGroup(summary, copy: Self.copier(summary, into: column)))
        }
        if !panel.authorityCertificates.isEmpty {
            let group = PreferencesGroup(title: tr("發證機構憑證"),
                                         description: tr("簽發上面憑證的憑證管理中心；CivicDesk 以它們確認卡片憑證的來源。"))
            for summary in panel.authorityCertificates {
                let row = ExpanderRow(title: tr(summary.role.name), subtitle: summary.name)
                row.addSuffix(Self.badge(summary.badge)).addSuffix(Self.copyButton(summary, copy: Self.copier(summary, into: column)))
                Self.fieldRows(summary).forEach { row.addRow($0) }
                group.add(row)
            }
            column.append(group)
        }
        scroller.setChild(Clamp(column, maximumWidth: 760))
        pinButton.onClick { [weak self] in self?.onChangePIN?() }
    }

    /// While the PIN is being changed the button waits beside a spinner.
    func showBusy(_ busy: Bool) {
        pinButton.isSensitive = !busy
        pinSpinner.isVisible = busy
    }

    private func header(_ panel: ReadersPageDisplay.CardPanel) -> Widget {
        let titles = Box(vertical: true, spacing: 4).expand(horizontally: true).align(vertical: GTK_ALIGN_CENTER)
        titles.append(Label(tr(panel.kind.name)).xalign(0).style("title-2"))
        if let holder = panel.holder { titles.append(Label(holder, selectable: true).xalign(0).style("title-4")) }
        pinSpinner.isVisible = false
        pinSpinner.accessibleName(tr("正在處理 PIN 碼…"))
        pinButton.tooltip = tr("變更這張卡片的 PIN 碼（需要目前的 PIN 碼）")
        let row = Box(vertical: false, spacing: 12)
        row.append(Image(iconName: "auth-smartcard-symbolic", pixelSize: 48).style("dim-label"))
            .append(titles)
            .append(pinSpinner.align(vertical: GTK_ALIGN_CENTER))
            .append(pinButton.align(vertical: GTK_ALIGN_CENTER))
        return row
    }

    private static func holderGroup(_ summary: CertificateSummary, copy: @escaping @MainActor () -> Void) -> Widget {
        let group = PreferencesGroup(title: tr(summary.role.name))
        let suffix = Box(vertical: false, spacing: 12)
        suffix.append(badge(summary.badge)).append(copyButton(summary, copy: copy))
        group.setHeaderSuffix(suffix)
        fieldRows(summary).forEach { group.add($0) }
        return group
    }

    private static func fieldRows(_ summary: CertificateSummary) -> [Widget] {
        summary.fields.map { field in
            ActionRow(title: tr(field.label), subtitle: tr(field.value))
        }
    }

    /// The verdict as an icon and words, coloured by the theme's success, warning and error styles.
    private static func badge(_ badge: CertificateBadge) -> Widget {
        let (style, icon) = switch badge.tone {
        case .good: ("success", "emblem-ok-symbolic")
        case .caution: ("warning", "dialog-warning-symbolic")
        case .bad: ("error", "dialog-error-symbolic")
        }
        let box = Box(vertical: false, spacing: 6).style(style).align(vertical: GTK_ALIGN_CENTER)
        box.append(Image(iconName: icon)).append(Label(tr(badge.message)).style("heading"))
        return box
    }

    private static func copyButton(_ summary: CertificateSummary, copy: @escaping @MainActor () -> Void) -> Widget {
        let name = tr("複製") + tr(summary.role.name)
        let button = Button("", iconName: "edit-copy-symbolic", action: copy).style("flat").align(vertical: GTK_ALIGN_CENTER)
        button.accessibleName(name)
        button.tooltip = tr("複製憑證資料（含 PEM）")
        return button
    }

    /// Puts the certificate's text on the clipboard and says so.
    private static func copier(_ summary: CertificateSummary, into widget: Widget) -> @MainActor () -> Void {
        { [weak widget] in
            widget?.copyToClipboard(summary.copyText(tr))
            widget?.showToast(tr("已複製"))
        }
    }
}
