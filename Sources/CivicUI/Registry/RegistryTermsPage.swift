import CivicCore

/// 用戶約定條款, the first page of 首次註冊 and of each 更換憑證: the clauses to read, accepted with
/// the wizard's main button (同意條款內容) or left with 取消.
@MainActor
enum RegistryTermsPage {
    static func make() -> Widget {
        let page = Box(vertical: true, spacing: 12)
        page.append(Label(tr(RegistryTerms.title)).xalign(0).style("title-3"))
        for (index, clause) in RegistryTerms.clauses.enumerated() {
            page.append(Label("\(index + 1). " + tr(clause), wrap: true, selectable: true).xalign(0))
        }
        page.append(Label(tr("請詳閱以上條款；按「同意條款內容」表示同意，按「取消」則不辦理。"), wrap: true).xalign(0).style("dim-label"))
        return page
    }
}
