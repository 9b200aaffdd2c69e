import Foundation
import Testing
@testable import CivicCore

@Suite("Sign-off: 創稿 → 陳核 → 核稿 → 決行 → 發文")
struct SignOffTests {
    static let clerk = SignOffActor(name: "王小明", certificateSerial: "AA01", certificateIssuer: "CN=MOICA",
                                    chainsToAnchors: true, certificateUsable: true)
    static let stranger = SignOffActor(name: "路人", certificateSerial: "BB02", certificateIssuer: "CN=Other",
                                       chainsToAnchors: false, certificateUsable: true)
    static let expired = SignOffActor(name: "舊卡", certificateSerial: "CC03", certificateIssuer: "CN=MOICA",
                                      chainsToAnchors: true, certificateUsable: false)
    static let at = Timestamp(rfc3339: "2026-04-29T14:58:11+08:00")!

    func entry(_ step: SignOffStep, xml: String = "<函/>", serial: String = "AA01") -> SignOffEntry {
        SignOffEntry(step: step, signerName: "王小明", certificateSerial: serial, certificateIssuer: "CN=MOICA",
                     signedAt: Self.at, xml: Array(xml.utf8), signature: [0x30, 0x80])
    }

    @Test func stepsFollowTheOrder() throws {
        var progress = SignOffProgress()
        #expect(progress.state == .drafted && progress.state.nextSteps == [.submit])
        #expect(throws: SignOffError.stepNotAllowed(.approve, .drafted)) {
            var copy = progress
            try copy.record(entry(.approve))
        }
        try progress.record(entry(.submit))
        #expect(progress.state.nextSteps == [.review, .approve])
        try progress.record(entry(.review))
        try progress.record(entry(.approve))
        #expect(!progress.state.allowsEditing)
        try progress.record(entry(.dispatch))
        #expect(progress.state == .dispatched && progress.history.map(\.step) == [.submit, .review, .approve, .dispatch])
        #expect(progress.state.nextSteps.isEmpty)
        // 決行 straight after 陳核, where nobody reviews.
        #expect(SignOffProgress(history: [entry(.submit), entry(.approve)])?.state == .approved)
        #expect(SignOffProgress(history: [entry(.submit), entry(.dispatch)]) == nil)
    }

    @Test func soloWorkspaceLetsAnyTrustedCardSignEveryStep() {
        for step in SignOffStep.allCases {
            let state = step.from.first!
            #expect(SignOffPolicy.refusal(step, state: state, actor: Self.clerk, authority: .solo) == nil)
            #expect(SignOffPolicy.refusal(step, state: state, actor: Self.stranger, authority: .solo)?.zh.contains("信任") == true)
            #expect(SignOffPolicy.refusal(step, state: state, actor: Self.expired, authority: .solo)?.zh.contains("過期") == true)
        }
    }

    @Test func actorFromTheCardsCertificate() {
        let certificate = CardFixtures.signature
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let actor = SignOffActor(certificate: certificate, chainsToAnchors: true, at: now)
        #expect(actor.name == "王大明" && actor.certificateSerial == "1100000000000001" && actor.certificateUsable)
        #expect(!SignOffActor(certificate: certificate, chainsToAnchors: true, at: Date(timeIntervalSince1970: 2_400_000_000)).certificateUsable)
        #expect(!SignOffActor(certificate: CardFixtures.encryption, chainsToAnchors: true, at: now).certificateUsable)
    }

    @Test func officePermissionsDecide() throws {
        let reviewer = SignOffAuthority.office(grantedKeys: ["documents.draft", "documents.review"])
        #expect(SignOffPolicy.refusal(.submit, state: .drafted, actor: Self.clerk, authority: reviewer) == nil)
        #expect(SignOffPolicy.refusal(.review, state: .submitted, actor: Self.clerk, authority: reviewer) == nil)
        let refusal = try #require(SignOffPolicy.refusal(.approve, state: .reviewed, actor: Self.clerk, authority: reviewer))
        #expect(refusal.zh == "您沒有「決行」的權限（documents.approve），請洽機關管理者授權。")
        #expect(SignOffPolicy.refusal(.dispatch, state: .reviewed, actor: Self.clerk, authority: .solo)?.zh == "公文目前在「核稿」，不能發文。")
    }

    @Test func verificationNamesTheBrokenStep() {
        let history = [entry(.submit, xml: "<函>v1</函>"), entry(.review, xml: "<函>v2</函>"), entry(.approve, xml: "<函>v2</函>")]
        let signer = CardFixtures.certificate([("CN", "王小明")], usage: [.nonRepudiation], serial: "AA01")
        let good: (SignOffEntry) -> SignatureCheck = { _ in .verified(signer: signer, chainTrusted: true) }
        let intact = SignOffVerification(history: history, currentXML: Array("<函>v2</函>".utf8), check: good)
        #expect(intact.isIntact && intact.message.zh == "全部 3 個簽核步驟的簽章都正確。")

        let edited = SignOffVerification(history: history, currentXML: Array("<函>v3</函>".utf8), check: good)
        #expect(edited.brokenStep?.step == .approve)
        #expect(edited.message.zh.contains("「決行」（王小明）簽章之後被修改過"))

        let tampered = SignOffVerification(history: history, currentXML: Array("<函>v2</函>".utf8)) {
            $0.step == .review ? .badSignature(signer: signer) : good($0)
        }
        #expect(tampered.brokenStep?.step == .review)
        #expect(tampered.message.zh.contains("「核稿」（王小明）的簽章與簽核時的內容不符"))

        let otherCard = SignOffVerification(history: history, currentXML: Array("<函>v2</函>".utf8)) { _ in
            .verified(signer: CardFixtures.certificate([("CN", "王小明")], usage: [.nonRepudiation], serial: "FF99"), chainTrusted: true)
        }
        #expect(otherCard.brokenStep?.step == .submit)
        let untrusted = SignOffVerification(history: history, currentXML: Array("<函>v2</函>".utf8)) { _ in
            .verified(signer: signer, chainTrusted: false)
        }
        #expect(!untrusted.isIntact)
        // Nothing signed yet: nothing broken, and the message says there was nothing to check.
        let unsigned = SignOffVerification(history: [], currentXML: Array("<函>v1</函>".utf8), check: good)
        #expect(unsigned.isIntact && unsigned.message.zh == "這份公文在本工作區沒有簽核紀錄，沒有簽章可驗證。")
    }
}

@Suite("主辦 / 會辦 / 待核 lists")
struct DocumentListTests {
    let today = CivilDate(year: 2026, month: 5, day: 8)!

    func summary(_ id: String, state: SignOffState, drafter: String = "AA01", countersigners: [String] = [],
                 deadline: CivilDate? = CivilDate(year: 2026, month: 5, day: 7), created: String = "2026-04-29T14:58:11+08:00") -> DocumentSummary {
        DocumentSummary(id: id, subject: "【範例】使用行動自然人憑證送出公文。", number: nil, createdAt: Timestamp(rfc3339: created)!,
                        drafterSerial: drafter, fromAgency: "", deadline: deadline, state: state, countersignerSerials: countersigners)
    }

    @Test func rowLooksLikeTheSeed() {
        let row = DocumentListRow(summary("1153000165", state: .drafted), today: today)
        #expect(row.number == "1153000165" && row.createdAt == "115/04/29 14:58:11" && row.fromAgency == "無")
        #expect(row.deadline == "115/05/07" && row.state.zh == "創稿" && row.isOverdue)
        var numbered = DocumentListRow(summary("1", state: .dispatched), today: today)
        #expect(!numbered.isOverdue)
        numbered = DocumentListRow(DocumentSummary(id: "1", subject: "", number: DocumentNumber(word: "議秘", year: 115, serial: 3),
                                                   createdAt: SignOffTests.at, drafterSerial: "", fromAgency: "高雄市議會",
                                                   deadline: nil, state: .approved, countersignerSerials: []), today: today)
        #expect(numbered.number == "議秘字第1150000003號" && numbered.fromAgency == "高雄市議會" && numbered.deadline == "" && !numbered.isOverdue)
        #expect(DocumentListRow.columns == ["公文文號", "主旨", "收創時間", "來文機關", "限辦日期", "狀態"])
    }

    @Test("收創時間 is on Taiwan's clock however the letter's time was written, agreeing with the registry's 收件時間")
    func createdAtInTaiwanTime() throws {
        // One instant (2016-04-22T06:36:34Z), written in UTC, New York's and Taiwan's offsets.
        for written in ["2016-04-22T06:36:34Z", "2016-04-22T02:36:34-04:00", "2016-04-22T14:36:34+08:00", "2016-04-22T06:36:34.999999Z"] {
            let row = DocumentListRow(summary("1", state: .drafted, created: written), today: today)
            #expect(row.createdAt == "105/04/22 14:36:34", "\(written)")
        }
        let record = RegistrationRecord(agencyCode: try AgencyCode("10001"), agencyName: "數位發展部資訊處",
                                        time: Date(timeIntervalSince1970: 1_461_306_994), item: .firstRegistration)
        #expect(RegistrationRecordsQuery.receivedTime(record) == "105年04月22日14點36分34秒")
        // Just before Taiwan's midnight in UTC is already the next day there.
        let late = DocumentListRow(summary("1", state: .drafted, created: "2026-12-31T16:00:00Z"), today: today)
        #expect(late.createdAt == "116/01/01 00:00:00")
    }

    @Test func boxesByRoleAndPermission() {
        let letters = [
            summary("mine", state: .drafted),
            summary("sent-up", state: .submitted, drafter: "ZZ"),
            summary("reviewed", state: .reviewed, drafter: "ZZ", created: "2026-04-30T09:00:00+08:00"),
            summary("approved", state: .approved, drafter: "ZZ"),
            summary("asked", state: .submitted, drafter: "ZZ", countersigners: ["AA01"]),
            summary("done", state: .dispatched, drafter: "ZZ", countersigners: ["AA01"]),
        ]
        let me = SignOffTests.clerk
        let ids = { (box: DocumentBox, authority: SignOffAuthority) in
            DocumentLists.rows(letters, box: box, actor: me, authority: authority, today: today).map(\.id)
        }
        #expect(ids(.own, .solo) == ["mine"])
        #expect(ids(.countersign, .solo) == ["asked"])
        #expect(ids(.pending, .solo) == ["reviewed", "sent-up", "approved", "asked"])
        #expect(ids(.pending, .office(grantedKeys: ["documents.review"])) == ["sent-up", "asked"])
        #expect(ids(.pending, .office(grantedKeys: ["documents.dispatch"])) == ["approved"])
        #expect(ids(.pending, .office(grantedKeys: [])) == [])
    }
}
