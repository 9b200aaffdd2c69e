import Testing
@testable import CivicCore

@Suite("機關名錄")
struct AgencyDirectoryTests {
    let csv = "\u{FEFF}code,name,oid\n10001,數位發展部資訊處,2.16.886.101.20003.20065.20001\r\n\n30001,範例科技股份有限公司,22099131\n"

    @Test func verdicts() throws {
        let directory = try AgencyDirectory(csv: csv)
        #expect(directory.entries.count == 2)
        guard case .matches(let entry) = directory.check(code: try AgencyCode("10001"), oid: "2.16.886.101.20003.20065.20001") else {
            Issue.record("no match")
            return
        }
        #expect(entry.name == "數位發展部資訊處")
        #expect(directory.check(code: try AgencyCode("10002"), oid: "2.16.886.101.99999.00001") == .unknownCode)
        #expect(directory.check(code: try AgencyCode("10001"), oid: "2.16.886.111.90010.90003")
                == .oidMismatch(expected: "2.16.886.101.20003.20065.20001"))
    }

    @Test func malformedDirectories() {
        #expect(throws: AgencyDirectory.problem(line: 1, zh: "第一行應為 code,name,oid", en: "the first line must be code,name,oid")) {
            try AgencyDirectory(csv: "10001,a,1.2\n")
        }
        #expect(throws: AgencyDirectory.problem(line: 3, zh: "機關代號 10001 重複", en: "agency code 10001 appears twice")) {
            try AgencyDirectory(csv: "code,name,oid\n10001,a,1.2\n10001,b,1.3\n")
        }
        #expect(throws: AgencyDirectory.problem(line: 2, zh: "應為 五碼機關代號,機關名稱,OID", en: "expected a 5-digit code, a name and an OID")) {
            try AgencyDirectory(csv: "code,name,oid\n1001,a,1.2\n")
        }
    }
}
