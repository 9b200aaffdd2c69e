import Foundation
import Testing
@testable import CivicCore

@Suite("憑證註冊與授權的精靈")
struct RegistryWizardTests {
    @Test("首次註冊: terms, agency card, administrator's card, details, result")
    func registration() throws {
        var wizard = RegistrationWizard()
        #expect(wizard.step == .terms)
        #expect(wizard.problem == RegistryProblem.termsNotAccepted.message)
        wizard.acceptTerms()
        #expect(wizard.step == .agencyCard)
        #expect(wizard.problem?.zh == "請將機關憑證IC卡放入讀卡機。")
        wizard.agency.cardChanged(RegistryFixtures.adminCard)
        #expect(wizard.problem == RegistryProblem.notAnAgencyCard.message)
        wizard.agency.cardChanged(RegistryFixtures.agencyCard)
        #expect(wizard.problem == RegistryProblem.agencyCodeMissing.message)
        wizard.agency.identifier = "1000"
        #expect(wizard.problem == RegistryProblem.agencyCodeMalformed.message)
        wizard.agency.identifier = "10001"
        #expect(wizard.problem == nil)
        #expect(wizard.agency.canConfirm(pinLength: 6))
        #expect(!wizard.agency.canConfirm(pinLength: 3))
        wizard.agency.pinSubmitted()
        #expect(!wizard.agency.canConfirm(pinLength: 6))
        wizard.agency.failed(.wrongPIN(.finalTry))
        #expect(wizard.agency.pin.error == PINStatus.finalTry.wrongPINMessage)
        wizard.agency.pinSubmitted()
        wizard.agencyProven()
        #expect(wizard.step == .administratorCard)
        #expect(wizard.agencyCode?.value == "10001")

        wizard.administrator.cardChanged(RegistryFixtures.agencyCard)
        #expect(wizard.problem == RegistryProblem.agencyCardForPerson.message)
        wizard.administrator.cardChanged(CardFixtures.healthCard)
        #expect(wizard.problem == RegistryProblem.healthInsuranceCard.message)
        wizard.administrator.cardChanged(RegistryFixtures.adminCard)
        wizard.administrator.identifier = "F128765438"
        #expect(wizard.problem == RegistryProblem.personalID(.checksum).message)
        wizard.administrator.identifier = "F128765439"
        #expect(wizard.problem == nil)
        let office = try RegistryFixtures.office()
        wizard.administratorProven(agency: office.agency, administrator: office.administrator.certificate)
        #expect(wizard.step == .details)
        #expect(wizard.problem == RegistryProblem.nameMissing.message)
        wizard.contact.name = "林志強"
        wizard.contact.email = "admin@moda.gov.tw"
        wizard.contact.phone = "2701-3411"
        #expect(wizard.problem == RegistryProblem.phoneMalformed.message)
        wizard.contact.phone = "(02)2701-3411"
        #expect(wizard.problem == nil)
        wizard.finished(.registered(try RegistryFixtures.office()))
        #expect(wizard.step == .result)
        #expect(wizard.resultMessage?.zh.hasPrefix("首次註冊成功！") == true)
        #expect(!wizard.canGoBack)
    }

    @Test("首次註冊 not confirmed by the directory: the applicant's form, then 審核中")
    func pendingReview() throws {
        var wizard = RegistrationWizard()
        wizard.acceptTerms()
        wizard.agencyProven()
        let office = try RegistryFixtures.office()
        wizard.administratorProven(agency: office.agency, administrator: office.administrator.certificate)
        wizard.needsReview()
        #expect(wizard.step == .applicant)
        #expect(wizard.applicantMessage.zh == "貴機關申請憑證註冊，因申請資料比對不符，需進行審核，請填聯絡資料")
        #expect(wizard.problem == RegistryProblem.nameMissing.message)
        wizard.applicantName = "王小明"
        wizard.applicantPhone = "(02)2701-3411"
        #expect(wizard.problem == nil)
        let pending = try PendingReview(office: try RegistryFixtures.office(), applicantName: "王小明", applicantPhone: "(02)2701-3411",
                                        reason: .unknownCode, requestedAt: .now)
        wizard.finished(.pendingReview(pending))
        #expect(wizard.resultMessage?.zh.hasPrefix("申請資料審核中") == true)
    }

    @Test("back from a card step asks for the card again")
    func backRestartsCards() {
        var wizard = RegistrationWizard()
        wizard.acceptTerms()
        wizard.agency.cardChanged(RegistryFixtures.agencyCard)
        wizard.agency.identifier = "10001"
        wizard.agencyProven()
        wizard.back()
        #expect(wizard.step == .agencyCard)
        #expect(!wizard.agency.isProven)
        wizard.back()
        #expect(wizard.step == .terms)
    }

    @Test("a card taken out starts its step afresh")
    func cardRemoved() {
        var step = RegistryCardStep(role: .agency)
        step.cardChanged(RegistryFixtures.agencyCard)
        step.identifier = "10001"
        step.pinStatusRead(.triesReduced)
        step.pinSubmitted()
        step.cardChanged(nil)
        #expect(step.card == .absent)
        #expect(!step.pin.isChecking)
        #expect(step.certificate == nil)
        #expect(step.problem != nil)
    }

    @Test("授權指派: list, add by reading the card, change, remove after confirmation")
    func clerks() throws {
        let catalogue = try RegistryFixtures.catalogue()
        var wizard = ClerkAssignmentWizard()
        wizard.agencyProven()
        #expect(wizard.step == .administratorCard)
        wizard.administratorProven(office: try RegistryFixtures.office(), clerks: [])
        #expect(wizard.step == .list)
        #expect(wizard.emptyListMessage?.zh == "目前查無資料！")
        wizard.add()
        wizard.updateEditor { editor in
            editor.cardRead(RegistryFixtures.agencyCard)
            #expect(editor.cardProblem == RegistryProblem.agencyCardForPerson.message)
            editor.cardRead(RegistryFixtures.clerkCard)
            #expect(editor.serial == "1100000000000007")
            #expect(editor.name == "張雅婷")
            #expect(editor.problem == RegistryProblem.personalID(.empty).message)
            editor.personalID = "E224613579"
            #expect(editor.problem == RegistryProblem.permissionsMissing.message)
            editor.toggle(catalogue.groups[0], on: true)
            #expect(editor.state(of: catalogue.groups[0]) == true)
            editor.toggle(catalogue.groups[0].children[3], on: false)
            #expect(editor.state(of: catalogue.groups[0]) == nil)
            #expect(editor.problem == nil)
        }
        guard case .edit(let editor) = wizard.step else {
            Issue.record("not editing")
            return
        }
        let clerk = try editor.clerk.get()
        #expect(clerk.permissions.keys == [.rosterImport, .rosterPack, .rosterQuery])
        wizard.changed(clerks: [clerk])
        #expect(wizard.notice?.zh == "新增成功！")
        wizard.change(clerk)
        wizard.updateEditor { $0.serial = "1100000000000009" }
        wizard.failed(RegistryProblem.clerkSerialTaken("1100000000000009").message)
        #expect(wizard.error != nil)
        wizard.changed(clerks: [clerk])
        #expect(wizard.notice?.zh == "修改成功！")
        wizard.remove(clerk)
        #expect(wizard.step == .confirmRemoval(clerk))
        wizard.back()
        #expect(wizard.step == .list)
        wizard.remove(clerk)
        wizard.changed(clerks: [])
        #expect(wizard.notice?.zh == "刪除成功！")
    }

    @Test("更換憑證: the steps of each replacement and its result message", arguments: [
        (RegistrationItem.agencyCertificateReplaced, [ReplacementWizard.Step.terms, .agencyCard, .administratorCard, .newAgencyCard, .details, .result], "更換機關憑證成功！"),
        (.administratorCertificateReplaced, [.terms, .agencyCard, .administratorCard, .newAdministratorCard, .details, .result], "完成更換授權管理者自然人憑證"),
        (.bothReplaced, [.terms, .agencyCard, .administratorCard, .newAgencyCard, .newAdministratorCard, .details, .result], "貴機關已完成機關憑證及授權管理者自然人憑證更換"),
    ])
    func replacement(_ item: RegistrationItem, _ steps: [ReplacementWizard.Step], _ message: String) throws {
        var wizard = ReplacementWizard(item: item)
        #expect(wizard.steps == steps)
        var visited = [wizard.step]
        wizard.acceptTerms()
        visited.append(wizard.step)
        wizard.agencyProven()
        visited.append(wizard.step)
        wizard.administratorProven(office: try RegistryFixtures.office())
        #expect(wizard.contact.name == "林志強")
        visited.append(wizard.step)
        if wizard.step == .newAgencyCard {
            wizard.newAgencyProven()
            visited.append(wizard.step)
        }
        if wizard.step == .newAdministratorCard {
            wizard.newAdministratorProven()
            visited.append(wizard.step)
        }
        #expect(wizard.problem == nil)
        wizard.finished(try RegistryFixtures.office())
        visited.append(wizard.step)
        #expect(visited == steps)
        #expect(wizard.resultMessage.zh.hasPrefix(message))
    }

    @Test("查詢作業: records by code, the agency OID, a citizen card's serial")
    func queries() throws {
        var records = RegistrationRecordsQuery()
        #expect(records.problem == RegistryProblem.agencyCodeMissing.message)
        records.agencyCode = "10001"
        #expect(records.problem == nil)
        records.found([])
        #expect(records.emptyMessage?.zh == "目前查無資料！")
        // 2016-04-22T06:36:34Z is 105年04月22日14點36分34秒 in Taiwan (the seed's first row).
        let record = RegistrationRecord(agencyCode: try AgencyCode("10001"), agencyName: "數位發展部資訊處",
                                        time: Date(timeIntervalSince1970: 1_461_306_994), item: .firstRegistration)
        #expect(RegistrationRecordsQuery.receivedTime(record) == "105年04月22日14點36分34秒")

        var oid = CardQuery(.agencyOID)
        #expect(oid.card.role == .agency)
        oid.proven(RegistryFixtures.agencyCertificate)
        #expect(oid.result == .agency(name: "數位發展部資訊處", oid: "2.16.886.101.20003.20065.20001"))
        var serial = CardQuery(.certificateSerial)
        serial.proven(RegistryFixtures.adminCertificate)
        #expect(serial.result == .person(name: "林志強", serial: "1100000000000005"))
        #expect(RegistryQuery.allCases.map(\.title.zh) == ["查詢憑證註冊收件紀錄", "查詢機關憑證OID", "查詢自然人憑證序號", "查詢已授權清單"])
    }

    @Test func changesNameTheirActionAndData() throws {
        let office = try RegistryFixtures.office()
        #expect(RegistryChange.register(office, at: .now).action == "registry.register")
        #expect(RegistryChange.replace(office, item: .bothReplaced, at: .now).action == "registry.replace.both-replaced")
        let data = RegistryChange.register(office, at: .now).dataJSON
        #expect(data.contains(#""oid":"2.16.886.101.20003.20065.20001""#))
        #expect(data == RegistryChange.register(office, at: .distantPast).dataJSON, "the same change reads the same")
    }
}
