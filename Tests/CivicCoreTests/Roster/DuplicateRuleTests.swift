import Testing
@testable import CivicCore

@Suite("重複連署")
struct DuplicateRuleTests {
    typealias Candidate = DuplicateRule.Candidate<String>

    static func candidate(_ key: String, _ id: String, _ signedAt: String, batch: Int, seq: Int) -> Candidate {
        Candidate(key: key, personalID: id, order: RosterOrder(signedAt: Timestamp(rfc3339: signedAt), batch: batch, seq: seq))
    }

    static let records = [
        candidate("b3s1", "A123456789", "2024-03-05T10:00:00+08:00", batch: 3, seq: 1),
        candidate("b1s9", "A123456789", "2024-03-05T10:00:00+08:00", batch: 1, seq: 9),
        candidate("b1s2", "A123456789", "2024-03-05T10:00:00+08:00", batch: 1, seq: 2),
        candidate("b2s1", "A123456789", "2024-03-05T01:59:59Z", batch: 2, seq: 1),
        candidate("b2s2", "B142610160", "2024-03-06T10:00:00+08:00", batch: 2, seq: 2),
        candidate("b1s1", "B142610160", "2024-03-06T09:00:00+08:00", batch: 1, seq: 1),
        candidate("b3s2", "F131104093", "2024-03-01T00:00:00+08:00", batch: 3, seq: 2),
    ]

    @Test func earliestInstantThenBatchThenSeqWins() {
        // b2s1 signed 09:59:59 Taipei time: earliest of A123456789. B142610160: b1s1 is earlier.
        #expect(DuplicateRule.duplicates(among: Self.records) == ["b3s1", "b1s9", "b1s2", "b2s2"])
        let ties = Array(Self.records[0..<3])
        #expect(DuplicateRule.duplicates(among: ties) == ["b3s1", "b1s9"])
    }

    @Test func theOrderOfArrivalDoesNotMatter() {
        let expected = DuplicateRule.duplicates(among: Self.records)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            #expect(DuplicateRule.duplicates(among: Self.records.shuffled(using: &generator)) == expected)
        }
        #expect(DuplicateRule.duplicates(among: Self.records.reversed()) == expected)
    }

    @Test func unreadableTimesComeLast() {
        #expect(RosterOrder(signedAt: nil, batch: 1, seq: 1) > RosterOrder(signedAt: Timestamp(rfc3339: "9999-12-31T23:59:59Z"), batch: 9, seq: 9))
    }
}

@Suite("門檻、縣市")
struct ThresholdAndCountyTests {
    @Test func thresholdsOfTheSpec() {
        #expect(PetitionStage.petition.threshold(electorate: 19_548_531) == 293_228)
        #expect(PetitionStage.proposal.threshold(electorate: 19_548_531) == 1_955)
    }

    @Test func exactFractionsAreNotRoundedUp() {
        #expect(PetitionStage.petition.threshold(electorate: 1_000) == 15)
        #expect(PetitionStage.petition.threshold(electorate: 1_001) == 16)
        #expect(PetitionStage.proposal.threshold(electorate: 10_000) == 1)
        #expect(PetitionStage.proposal.threshold(electorate: 10_001) == 2)
        #expect(PetitionStage.proposal.threshold(electorate: 1) == 1)
    }

    @Test func progressCountsValidOnly() {
        let rosterCase = RosterCase(caseId: "1", caseTitle: "", stage: .proposal, electorate: 10_000_000, leadName: "",
                                    counts: StatusCounts([.valid: 500, .duplicate: 700]), counties: [], batches: [], purgedAt: nil)
        #expect(rosterCase.threshold == 1_000)
        #expect(rosterCase.valid == 500)
        #expect(rosterCase.progress == 0.5)
    }

    @Test func countyIsTheFirstThreeCharactersWithTaiReadAsTai() {
        #expect(County.of(address: "台北市中正區仁愛路一段1號") == "臺北市")
        #expect(County.of(address: "臺中市西屯區") == "臺中市")
        #expect(County.of(address: "新北市板橋區") == "新北市")
        #expect(County.of(address: "台東縣") == "臺東縣")
        #expect(County.of(address: "澎湖") == "澎湖")
    }

    /// The UTF-8 reading of common addresses gives the first three characters as Swift counts
    /// them, also where a combining mark or selector joins the third character.
    @Test(arguments: ["台北市", "台北市\u{0301}中", "台北\u{0301}市", "台北市\u{FE0F}", "台\u{E0100}北市", "AB台x", "A\u{0301}BC",
                      "👍🏽台北", "台\r\n北", " 台北市", "臺", "", "ｱｲｳｴ", "台北市中正區", "𠀋台北市", "abc\u{200D}d"])
    func countyCountsCharactersAsSwiftDoes(_ address: String) {
        #expect(County.of(address: address) == String(address.prefix(3).map { $0 == "台" ? "臺" : $0 }))
    }
}
