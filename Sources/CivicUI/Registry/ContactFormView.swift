import CivicCore

/// The 請輸入下列欄位 form of 首次註冊 and 更換憑證, a thin view over `ContactForm`: 姓名, 電子信箱,
/// 連絡電話 (範例：(02)2701-3411), 分機 and 備註, each row named by its title.
@MainActor
final class ContactFormView {
    let root: PreferencesGroup
    /// The form as typed, after every change.
    var onChange: (@MainActor (ContactForm) -> Void)?
    /// Something was typed (the form's problem is shown from then on).
    private(set) var isTouched = false

    private let name = EntryRow(title: tr("姓名"))
    private let email = EntryRow(title: tr("電子信箱"))
    private let phone = EntryRow(title: tr("連絡電話"))
    private let phoneExtension = EntryRow(title: tr("分機"))
    private let notes = EntryRow(title: tr("備註"))
    private var filling = false

    init() {
        root = PreferencesGroup(title: tr("授權管理者聯絡資料"), description: tr(ContactForm.phoneExample))
        // Each row's text is named by its title.
        for row in [name, email, phone, phoneExtension, notes] {
            root.add(row)
            row.onChanged { [weak self] in self?.changed() }
        }
    }

    /// Shows `form` (stored details to confirm, or an empty form).
    func set(_ form: ContactForm) {
        filling = true
        name.text = form.name
        email.text = form.email
        phone.text = form.phone
        phoneExtension.text = form.phoneExtension
        notes.text = form.notes
        filling = false
        isTouched = false
    }

    func focus() {
        name.grabFocus()
    }

    private func changed() {
        guard !filling else { return }
        isTouched = true
        var form = ContactForm()
        form.name = name.text
        form.email = email.text
        form.phone = phone.text
        form.phoneExtension = phoneExtension.text
        form.notes = notes.text
        onChange?(form)
    }
}
