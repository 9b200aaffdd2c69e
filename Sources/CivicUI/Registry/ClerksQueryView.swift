import CGtk
import CivicCore
import CivicServices

/// 查詢已授權清單: the office's assigned clerks as stored, read again each time the query is
/// shown or 重新查詢 is pressed; 目前查無資料！ when none.
@MainActor
final class ClerksQueryView {
    let root = Box(vertical: true, spacing: 18)

    private let service: RegistryService
    private let error = Notice(style: "error", icon: "dialog-error-symbolic")
    private let results = PreferencesGroup(title: tr("授權經辦人清單"))

    init(service: RegistryService) {
        self.service = service
        let again = Button(tr("重新查詢")).accessibleName(tr("重新查詢已授權清單"))
        results.setHeaderSuffix(again)
        root.append(Label(tr(RegistryQuery.clerks.title)).xalign(0).style("title-3")).append(error.root).append(results)
        again.onClick { [weak self] in self?.query() }
    }

    func query() {
        let service = service
        MainThread.background({ Result { try service.clerks() } }, then: { [weak self] found in
            guard let self else { return }
            self.results.removeAll()
            switch found {
            case .success(let clerks):
                self.error.show(nil)
                self.show(clerks)
            case .failure(let problem):
                self.error.show(tr(UserMessage(describing: problem)))
            }
        })
    }

    private func show(_ clerks: [Clerk]) {
        if clerks.isEmpty {
            results.add(ActionRow(title: tr("目前查無資料！")).accessibleName(tr("目前查無資料！")))
        }
        let labels = Dictionary(((try? service.catalogue)?.actions ?? []).map { ($0.key, $0.label) }, uniquingKeysWith: { first, _ in first })
        for clerk in clerks {
            let permissions = clerk.permissions.keys.map { labels[$0.value] ?? $0.value }.joined(separator: "、")
            let subtitle = String(format: tr("憑證序號 %@ · 身分證統一編號 %@\n%@"), clerk.serial.hex, clerk.personalID.value, permissions)
            let row = ActionRow(title: clerk.name, subtitle: subtitle)
            row.accessibleName("\(clerk.name)：\(subtitle)")
            results.add(row)
        }
    }
}
