import Testing
@testable import CivicCore

@Suite("權限清單與經辦人登入規則")
struct PermissionCatalogueTests {
    @Test func theShippedCatalogue() throws {
        let catalogue = try RegistryFixtures.catalogue()
        #expect(catalogue.groups.map(\.key) == ["rosters", "documents", "registry"])
        #expect(catalogue.actions.map(\.key) == [
            "rosters.import", "rosters.query", "rosters.pack", "rosters.purge",
            "documents.draft", "documents.review", "documents.approve", "documents.dispatch", "documents.templates", "registry.query",
        ])
        #expect(catalogue.label(of: .rosterPack) == "打包送件檔")
        #expect(catalogue.describe(.rosterPack) == "rosters.pack（連署名冊作業：打包送件檔）")
        // Listed in the tree's order, not the keys' alphabetical one; an unknown key last, as it is.
        let chosen = PermissionSet([PermissionKey("documents.approve"), PermissionKey("documents.draft"), .rosterPack, PermissionKey("old.key")])
        #expect(catalogue.labels(of: chosen) == ["打包送件檔", "創稿與陳核", "決行", "old.key"])
    }

    @Test func keysAndGroups() throws {
        let catalogue = try RegistryFixtures.catalogue()
        #expect(try catalogue.permissions(["rosters.pack", " registry.query", "rosters.pack"]).keys == [.registryQuery, .rosterPack])
        #expect(try catalogue.permissions(["rosters"]).keys.count == 4)
        #expect(throws: RegistryProblem.unknownPermission("rosters.fly")) { try catalogue.permissions(["rosters.fly"]) }
        #expect(throws: RegistryProblem.permissionsMissing) { try catalogue.permissions([""]) }
    }

    @Test func duplicateKeysAreRefused() {
        let json = #"{"groups":[{"key":"a","label":"A","children":[{"key":"a.b","label":"B"},{"key":"a.b","label":"C"}]}]}"#
        #expect(throws: RegistryProblem.self) { try PermissionCatalogue(json: Array(json.utf8)) }
    }

    @Test func withoutAnOfficeNobodySignsIn() throws {
        #expect(OfficeAccess.check(.rosterPack, officeRegistered: false, clerk: nil, catalogue: nil) == nil)
    }

    @Test func anOfficeNeedsAClerkWithThePermission() throws {
        let catalogue = try RegistryFixtures.catalogue()
        let clerk = try Clerk(serial: CertificateSerial("1100000000000007"), name: "張雅婷", personalID: NationalID("E224613579"),
                              permissions: catalogue.permissions(["rosters.import", "rosters.query"]))
        #expect(OfficeAccess.check(.rosterImport, officeRegistered: true, clerk: clerk, catalogue: catalogue) == nil)
        let missing = OfficeAccess.check(.rosterPack, officeRegistered: true, clerk: clerk, catalogue: catalogue)
        #expect(missing == .permissionMissing(.rosterPack, description: "rosters.pack（連署名冊作業：打包送件檔）", clerk: "張雅婷"))
        #expect(missing?.message.zh.contains("rosters.pack") == true)
        let nobody = OfficeAccess.check(.rosterPurge, officeRegistered: true, clerk: nil, catalogue: catalogue)
        #expect(nobody?.message.zh.contains("rosters.purge（連署名冊作業：清除個人資料）") == true)
        #expect(OfficeAccess.signIn(serial: "1100000000000007", clerks: [clerk]) == .success(clerk))
        #expect(OfficeAccess.signIn(serial: "1100000000000001", clerks: [clerk]) == .failure(.notAClerk(serial: "1100000000000001")))
    }
}
