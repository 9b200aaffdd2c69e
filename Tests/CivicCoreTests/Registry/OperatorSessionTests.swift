import Testing
@testable import CivicCore

@Suite("視窗的經辦人登入狀態")
struct OperatorSessionTests {
    private func clerk() throws -> Clerk {
        try Clerk(serial: CertificateSerial("1100000000000007"), name: "張雅婷", personalID: NationalID("E224613579"),
                  permissions: RegistryFixtures.catalogue().permissions(["rosters.import", "rosters.query"]))
    }

    @Test func nothingIsEnabledBeforeTheWorkspaceIsRead() {
        let session = OperatorSession()
        #expect(!session.allows(.rosterImport))
        #expect(!session.needsSignIn)
        #expect(!session.isSettled, "files opened now wait")
    }

    @Test func withoutAnOfficeEverythingIsEnabledAndNobodySignsIn() {
        var session = OperatorSession()
        session.officeRead(registered: false)
        #expect(!session.needsSignIn && session.isSettled)
        #expect(session.allows(.rosterPack) && session.allows(.rosterPurge))
        #expect(session.signedInLabel == nil)
    }

    @Test func anOfficeAsksForASignInAndTheClerksPermissionsDecide() throws {
        var session = OperatorSession()
        session.officeRead(registered: true)
        #expect(session.needsSignIn && !session.isSettled)
        #expect(!session.allows(.rosterImport))
        session.signedIn(try clerk())
        #expect(!session.needsSignIn && session.isSettled)
        #expect(session.allows(.rosterImport) && session.allows(.rosterQuery))
        #expect(!session.allows(.rosterPack) && !session.allows(.rosterPurge))
        #expect(session.signedInLabel?.zh == "經辦人：張雅婷")
        session.signedOut()
        #expect(session.needsSignIn && !session.allows(.rosterImport))
    }

    @Test func aClerkDoesNotOutliveTheOffice() throws {
        var session = OperatorSession(officeRegistered: true, clerk: try clerk())
        session.officeRead(registered: false)
        #expect(session.clerk == nil && session.allows(.rosterPack))
    }

    @Test func theSignInCardStepAsksForAClerksCardAlone() {
        let step = RegistryCardStep.signIn
        #expect(step.role == .person && !step.asksIdentifier && step.holder == .clerk)
        #expect(step.holder.whose.zh == "經辦人的")
        #expect(step.instruction.zh.contains("經辦人"))
        #expect(RegistryCardStep(role: .person).holder.whose.zh == "授權管理者的")
    }
}
