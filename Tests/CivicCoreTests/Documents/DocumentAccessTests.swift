import Testing
@testable import CivicCore

/// `OperatorSession`'s rule for the 公文製作 area: everything for the one person of a workspace
/// without an office; with one, the signed-in clerk's permissions, a refused button naming what
/// is missing; the lists seen as that clerk.
@Suite("公文製作的按鈕與清單依經辦人權限")
struct DocumentAccessTests {
    private func clerk(_ keys: [String]) throws -> Clerk {
        try Clerk(serial: CertificateSerial("1100000000000007"), name: "張雅婷", personalID: NationalID("E224613579"),
                  permissions: RegistryFixtures.catalogue().permissions(keys))
    }

    private func summary(_ state: SignOffState, drafter: String) throws -> DocumentSummary {
        DocumentSummary(id: "1150000001", subject: "請查照。", number: nil, createdAt: try #require(Timestamp(rfc3339: "2026-04-29T14:58:11+08:00")),
                        drafterSerial: drafter, fromAgency: "", deadline: nil, state: state, countersignerSerials: [])
    }

    @Test func withoutAnOfficeOnePersonMayDoEverythingAndSeesEveryLetter() {
        var session = OperatorSession()
        #expect(session.refusal(.approve)?.zh == "正在讀取工作區…", "nothing before the workspace is read")
        session.officeRead(registered: false)
        for step in SignOffStep.allCases { #expect(session.refusal(step) == nil) }
        #expect(session.refusal(.documentsDraft) == nil)
        #expect(session.documentViewer == nil)
    }

    @Test func withAnOfficeTheClerksPermissionsDecideAndTheRefusalNamesTheMissingOne() throws {
        var session = OperatorSession()
        session.officeRead(registered: true)
        #expect(session.refusal(.submit)?.zh.contains("documents.draft") == true, "nobody signed in yet")
        session.signedIn(try clerk(["documents.draft", "documents.review"]))
        #expect(session.refusal(.documentsDraft) == nil && session.refusal(.submit) == nil && session.refusal(.review) == nil)
        #expect(session.refusal(.approve)?.zh == "經辦人 張雅婷 沒有這項權限：documents.approve。請洽授權管理者於授權指派作業設定。")
        #expect(session.refusal(.dispatch)?.zh.contains("documents.dispatch") == true)
        session.signedIn(try clerk(["documents"]))
        for step in SignOffStep.allCases { #expect(session.refusal(step) == nil) }
    }

    @Test func withAnOfficeTheListsAreTheSignedInClerks() throws {
        var session = OperatorSession(officeRegistered: true)
        #expect(session.documentViewer == nil)
        session.signedIn(try clerk(["documents.draft", "documents.review"]))
        let viewer = try #require(session.documentViewer)
        #expect(viewer.actor.certificateSerial == "1100000000000007" && viewer.actor.name == "張雅婷")
        let mine = try summary(.submitted, drafter: "1100000000000007")
        let theirs = try summary(.submitted, drafter: "11000000000000AA")
        #expect(DocumentLists.contains(mine, box: .own, actor: viewer.actor, authority: viewer.authority))
        #expect(!DocumentLists.contains(theirs, box: .own, actor: viewer.actor, authority: viewer.authority))
        // 待核: a letter sent up is hers to review (documents.review); once reviewed, only 決行 is left, which she may not.
        #expect(DocumentLists.contains(theirs, box: .pending, actor: viewer.actor, authority: viewer.authority))
        #expect(!DocumentLists.contains(try summary(.reviewed, drafter: "11000000000000AA"), box: .pending,
                                        actor: viewer.actor, authority: viewer.authority))
    }
}
