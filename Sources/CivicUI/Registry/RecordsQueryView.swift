import CGtk
import CivicCore
import CivicServices

/// 查詢憑證註冊收件紀錄: a thin view over `RegistrationRecordsQuery` — 機關代號 and 查詢, then
/// one boxed row a record (序號, 機關名稱, 收件時間, 註冊項目), or 目前查無資料！.
@MainActor
final class RecordsQueryView {
    let root = Box(vertical: true, spacing: 18)

    private var model = RegistrationRecordsQuery()
    private let service: RegistryService
    private let code = EntryRow(title: tr("機關代號"))
    private let search = Button(tr("查詢")).accessibleName(tr("查詢憑證註冊收件紀錄")).style("suggested-action")
    private let error = Notice(style: "error", icon: "dialog-error-symbolic")
    private let results = PreferencesGroup(title: tr("查詢結果"))

    init(service: RegistryService) {
        self.service = service
        let fields = PreferencesGroup()
        fields.add(code)
        root.append(Label(tr(RegistryQuery.registrationRecords.title)).xalign(0).style("title-3"))
            .append(Label(tr("請輸入機關代號，點選查詢按鈕。"), wrap: true).xalign(0))
            .append(fields).append(search.align(horizontal: GTK_ALIGN_END)).append(error.root).append(results)
        code.onChanged { [weak self] in
            guard let self else { return }
            self.model.agencyCode = self.code.text
            self.render()
        }
        code.onActivate { [weak self] in self?.query() }
        search.onClick { [weak self] in self?.query() }
        render()
    }

    func focus() { code.grabFocus() }

    private func query() {
        guard model.problem == nil, let agency = try? AgencyCode(model.agencyCode) else { return }
        let service = service
        search.isSensitive = false
        MainThread.background({ Result { try service.records(agencyCode: agency) } }, then: { [weak self] found in
            guard let self else { return }
            switch found {
            case .success(let records):
                self.model.found(records)
                self.error.show(nil)
            case .failure(let problem):
                self.error.show(tr(UserMessage(describing: problem)))
            }
            self.render()
        })
    }

    private func render() {
        search.isSensitive = model.problem == nil
        code.setError(!model.agencyCode.isEmpty && model.problem != nil)
        results.isVisible = model.results != nil
        results.removeAll()
        if let empty = model.emptyMessage {
            results.add(ActionRow(title: tr(empty)).accessibleName(tr(empty)))
        }
        for (index, record) in (model.results ?? []).enumerated() {
            let time = RegistrationRecordsQuery.receivedTime(record)
            let subtitle = String(format: tr("機關代號 %@ · 收件時間 %@ · 註冊項目 %@"), record.agencyCode.value, time, tr(record.item.name))
            let row = ActionRow(title: "\(index + 1). \(record.agencyName)", subtitle: subtitle)
            row.accessibleName("\(index + 1). \(record.agencyName)：\(subtitle)")
            results.add(row)
        }
    }
}
