import CivicTestSupport
import Foundation
import Testing

/// `civicdesk doc sign` in a workspace whose office the registry area has registered: the card
/// must be a registered clerk's and the clerk's permissions decide each step (DocCommandTests
/// covers the workspace without an office, where the lead person's card signs every step).
@Suite("civicdesk doc sign with a registered office: the clerk's permissions decide", .serialized)
struct DocOfficeCommandTests {
    let cli: DocCLI
    let registry: RegistryCLI

    init() throws {
        cli = try DocCLI()
        registry = try RegistryCLI(folder: cli.folder)
        let registered = try registry.register()
        #expect(registered.status == 0, "\(registered.error)")
        let drafter = try registry.addClerk("clerk", permissions: "documents.draft")
        #expect(drafter.status == 0, "\(drafter.error)")
        let approver = try registry.addClerk("other", id: "B223456782", permissions: "documents.review,documents.approve,documents.dispatch")
        #expect(approver.status == 0, "\(approver.error)")
    }

    @Test("a clerk with documents.draft only submits but cannot review or approve; the clerk with those permissions can")
    func permissionsDecide() throws {
        let id = try cli.new()
        let submitted = try cli.sign(id, "submit", token: "clerk")
        #expect(submitted.status == 0, "\(submitted.error)")

        let review = try cli.sign(id, "review", token: "clerk")
        #expect(review.status == 1)
        #expect(review.error.contains("documents.review"), "\(review.error)")
        #expect(try cli.sign(id, "review", token: "other").status == 0)

        let approve = try cli.sign(id, "approve", token: "clerk")
        #expect(approve.status == 1)
        #expect(approve.error.contains("您沒有「決行」的權限（documents.approve）"), "\(approve.error)")
        #expect(try cli.show(id)["state"] as? String == "reviewed", "a refused step leaves the letter where it was")

        let approved = try cli.sign(id, "approve", token: "other")
        #expect(approved.status == 0, "\(approved.error)")
        let dispatched = try cli.sign(id, "dispatch", token: "other", extra: ["--word", "議秘"])
        #expect(dispatched.status == 0, "\(dispatched.error)")
        let history = try #require(try cli.show(id)["history"] as? [[String: Any]])
        #expect(history.map { $0["step"] as? String ?? "" } == ["submit", "review", "approve", "dispatch"])
    }

    @Test("a card chaining to the trust anchors but not a registered clerk's (the lead person's) is refused")
    func notAClerk() throws {
        let id = try cli.new()
        let serial = try RegistryCLI.serial("people/lead/sign.pem")
        let refused = try cli.sign(id, "submit", token: "lead")
        #expect(refused.status == 1)
        #expect(refused.error.contains("憑證序號 \(serial) 不是本機關的授權經辦人"), "\(refused.error)")
        #expect(try cli.show(id)["state"] as? String == "drafted")
    }
}
