import CivicCore

/// The 資訊確認 step of 首次註冊 and 更換憑證: the 機關憑證資訊 and 授權管理者自然人憑證資訊 panels
/// of the proven cards above the 請輸入下列欄位 contact form, and the service's refusal below it.
@MainActor
final class OfficeDetailsView {
    let root = Box(vertical: true, spacing: 18)
    let contact = ContactFormView()
    private let panels = Box(vertical: true, spacing: 18)
    private let error = Notice(style: "error", icon: "dialog-error-symbolic")

    init(title: String) {
        root.append(Label(title).xalign(0).style("title-3")).append(panels).append(contact.root).append(error.root)
    }

    /// The certificates to confirm, with the typed 機關代號 and 身分證統一編號.
    func show(agency: AgencyCertificate?, code: String?, administrator: PersonCertificate?, id: String?) {
        panels.removeAll()
        if let agency {
            panels.append(CertificatePanel.agency(agency, code: code))
        }
        if let administrator {
            panels.append(CertificatePanel.person(administrator, id: id))
        }
        panels.append(Label(tr("請輸入下列欄位："), wrap: true).xalign(0).style("heading"))
    }

    /// The form's problem once typed in, or the service's refusal.
    func showError(_ message: UserMessage?) {
        error.show(message.map(tr))
    }
}
