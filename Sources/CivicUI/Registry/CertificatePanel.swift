import CivicCore
import Foundation

/// The 機關憑證資訊 and 授權管理者自然人憑證資訊 panels the seed shows before a registration or a
/// replacement is confirmed: read-only rows, each named for screen readers by its title.
@MainActor
enum CertificatePanel {
    static func agency(_ certificate: AgencyCertificate, code: String?) -> PreferencesGroup {
        rows(title: tr("機關憑證資訊"), [
            (tr("機關代號"), code ?? ""),
            (tr("機關名稱"), certificate.name),
            (tr("憑證種類"), tr(certificate.kind.name)),
            (tr("機關憑證OID"), certificate.oid),
            (tr("憑證序號"), certificate.serialHex),
            (tr("有效期限"), validity(certificate.notBefore, certificate.notAfter)),
        ])
    }

    static func person(_ certificate: PersonCertificate, id: String?) -> PreferencesGroup {
        rows(title: tr("授權管理者自然人憑證資訊"), [
            (tr("姓名"), certificate.name),
            (tr("身分證統一編號"), id ?? ""),
            (tr("憑證序號"), certificate.serialHex),
            (tr("有效期限"), validity(certificate.notBefore, certificate.notAfter)),
        ])
    }

    /// Read-only rows under `title`, as the query results show them too.
    static func rows(title: String, _ fields: [(String, String)]) -> PreferencesGroup {
        let group = PreferencesGroup(title: title)
        for (name, value) in fields {
            let row = ActionRow(title: name, subtitle: value)
            row.style("property")
            row.accessibleName("\(name)：\(value)")
            group.add(row)
        }
        return group
    }

    private static func validity(_ from: Date, _ to: Date) -> String {
        "\(day(from)) – \(day(to))"
    }

    private static func day(_ date: Date) -> String {
        let civil = CivilDate(date)
        return String(format: "%04d-%02d-%02d", civil.year, civil.month, civil.day)
    }
}
