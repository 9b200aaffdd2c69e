import CivicCore
import Foundation

/// The office as `registry register|replace --json` print it.
struct OfficeJSON: Encodable {
    let state: String
    let agencyCode: String
    let agencyName: String
    let agencyKind: String
    let agencyOID: String
    let agencySerial: String
    let administratorName: String
    let administratorSerial: String
    let item: String?
    let reason: String?
    let applicantName: String?
    let applicantPhone: String?
    let message: String?

    init(_ office: Office, state: String, item: RegistrationItem? = nil) {
        self.state = state
        agencyCode = office.code.value
        agencyName = office.name
        agencyKind = office.agency.kind.rawValue
        agencyOID = office.agency.oid
        agencySerial = office.agency.serialHex
        administratorName = office.administrator.certificate.name
        administratorSerial = office.administrator.certificate.serialHex
        self.item = item?.rawValue
        reason = nil
        applicantName = nil
        applicantPhone = nil
        message = nil
    }

    init(_ pending: PendingReview) {
        let base = OfficeJSON(pending.office, state: "pending-review")
        state = base.state
        agencyCode = base.agencyCode
        agencyName = base.agencyName
        agencyKind = base.agencyKind
        agencyOID = base.agencyOID
        agencySerial = base.agencySerial
        administratorName = base.administratorName
        administratorSerial = base.administratorSerial
        item = nil
        reason = pending.reason.rawValue
        applicantName = pending.applicantName
        applicantPhone = pending.applicantPhone
        message = PendingReview.mismatchMessage.zh
    }
}

struct RegistrationRecordJSON: Encodable {
    let agencyCode: String
    let agencyName: String
    let time: String
    let received: String
    let item: String
    let itemName: String

    init(_ record: RegistrationRecord) {
        agencyCode = record.agencyCode.value
        agencyName = record.agencyName
        time = JSONOutput.rfc3339(record.time)
        received = RegistrationRecordsQuery.receivedTime(record)
        item = record.item.rawValue
        itemName = record.item.name.zh
    }
}

struct ClerkJSON: Encodable {
    let serial: String
    let name: String
    let id: String
    let permissions: [String]

    init(_ clerk: Clerk) {
        serial = clerk.serial.hex
        name = clerk.name
        id = clerk.personalID.value
        permissions = clerk.permissions.keys.map(\.value)
    }
}

struct LogVerificationJSON: Encodable {
    let intact: Bool
    let entries: Int?
    let brokenEntry: Int?
    let reason: String?

    init(_ verification: AuditChain.Verification) {
        switch verification {
        case .intact(let count):
            intact = true
            entries = count
            brokenEntry = nil
            reason = nil
        case .broken(let sequence, let problem):
            intact = false
            entries = nil
            brokenEntry = sequence
            reason = problem.message.zh
        case .tablesDiffer:
            intact = false
            entries = nil
            brokenEntry = nil
            reason = verification.message.zh
        }
    }
}

/// The office as text: the two certificate panels of the seed's result pages.
enum RegistryText {
    static func office(_ office: Office) -> [String] {
        let agency = office.agency
        let admin = office.administrator
        return [
            "機關代號：\(office.code)",
            "機關名稱：\(office.name)",
            "機關(組織)OID：\(agency.oid)",
            "機關憑證序號：\(agency.serialHex)",
            "憑證DN：\(agency.subject)",
            "憑證效期：\(JSONOutput.rfc3339(agency.notBefore)) – \(JSONOutput.rfc3339(agency.notAfter))",
            "卡別：\(Terminal.text(agency.kind.name))",
            "授權管理者身分證統一編號：\(PersonalID.masked(admin.personalID.value))",
            "自然人憑證序號：\(admin.certificate.serialHex)",
            "授權管理者姓名：\(admin.contact.name)",
        ]
    }
}
