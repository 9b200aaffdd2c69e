import Testing
@testable import CivicCore

@Suite("憑證註冊的欄位檢查")
struct RegistryFieldTests {
    @Test func agencyCodeIsFiveDigits() throws {
        #expect(try AgencyCode(" 10001 ").value == "10001")
        #expect(throws: RegistryProblem.agencyCodeMissing) { try AgencyCode("") }
        #expect(throws: RegistryProblem.agencyCodeMalformed) { try AgencyCode("1000") }
        #expect(throws: RegistryProblem.agencyCodeMalformed) { try AgencyCode("100011") }
        #expect(throws: RegistryProblem.agencyCodeMalformed) { try AgencyCode("1000A") }
        #expect(throws: RegistryProblem.agencyCodeMalformed) { try AgencyCode("１０００１") }
        #expect(RegistryProblem.agencyCodeMalformed.message.zh == "機關代號應為五碼數字。")
    }

    @Test func serialIsUpperCaseHexWithoutSeparators() throws {
        #expect(try CertificateSerial("11 00 00 00 00 00 00 07").hex == "1100000000000007")
        #expect(try CertificateSerial("0x00ab:cd").hex == "ABCD")
        #expect(throws: RegistryProblem.serialMissing) { try CertificateSerial(" ") }
        #expect(throws: RegistryProblem.serialMalformed) { try CertificateSerial("11G0") }
    }

    @Test func nationalIDFollowsPersonalIDRules() throws {
        #expect(try NationalID("f128765439").value == "F128765439")
        #expect(throws: RegistryProblem.personalID(.checksum)) { try NationalID("F128765438") }
        #expect(throws: RegistryProblem.personalID(.length(9))) { try NationalID("F12876543") }
        // A resident certificate number is well formed but not a 身分證統一編號.
        #expect(throws: RegistryProblem.personalID(.secondCharacter)) { try NationalID("A800000014") }
    }

    @Test("phone numbers as the form's example writes them", arguments: [
        "(02)2701-3411", "(02)27013411", "02-2701-3411", "(049)234-5678", "(0826)12345", "0912-345-678", "0912345678",
    ])
    func phoneAccepted(_ phone: String) throws {
        #expect(try AdministratorContact.checkPhone(phone) == phone)
    }

    @Test("malformed phone numbers", arguments: ["(02)2701-34", "2701-3411", "(2)2701-3411", "(02)2701-3411#5", "電話", "(02 2701-3411"])
    func phoneRefused(_ phone: String) {
        #expect(throws: RegistryProblem.phoneMalformed) { try AdministratorContact.checkPhone(phone) }
    }

    @Test func contactDetails() throws {
        let contact = try AdministratorContact(name: " 林志強 ", email: "admin@moda.gov.tw", phone: "(02)2701-3411", phoneExtension: "123",
                                         notes: " ")
        #expect(contact.name == "林志強")
        #expect(contact.notes == nil)
        #expect(contact.phoneText == "(02)2701-3411 分機 123")
        #expect(throws: RegistryProblem.nameMissing) { try AdministratorContact(name: " ", email: "a@b.tw", phone: "(02)2701-3411") }
        #expect(throws: RegistryProblem.emailMissing) { try AdministratorContact(name: "林", email: "", phone: "(02)2701-3411") }
        for email in ["admin", "admin@", "@moda.gov.tw", "admin@moda", "ad min@moda.gov.tw", "a@b@c.tw", "a@-b.tw"] {
            #expect(throws: RegistryProblem.emailMalformed, "\(email)") { try AdministratorContact(name: "林", email: email, phone: "(02)2701-3411") }
        }
        #expect(throws: RegistryProblem.phoneMissing) { try AdministratorContact(name: "林", email: "a@b.tw", phone: "") }
        #expect(throws: RegistryProblem.extensionMalformed) {
            try AdministratorContact(name: "林", email: "a@b.tw", phone: "(02)2701-3411", phoneExtension: "12a")
        }
        #expect(RegistryProblem.phoneMalformed.message.zh.contains("範例：(02)2701-3411"))
    }

    @Test func clerkNeedsAPermission() throws {
        #expect(throws: RegistryProblem.permissionsMissing) {
            try Clerk(serial: CertificateSerial("01"), name: "張雅婷", personalID: NationalID("E224613579"), permissions: PermissionSet([]))
        }
    }
}
