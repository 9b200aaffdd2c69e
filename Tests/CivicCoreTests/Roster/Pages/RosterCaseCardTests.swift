import Testing
@testable import CivicCore

@Suite("The cases list: a case as the 連署名冊 area shows it")
struct RosterCaseCardTests {
    static let rosterCase = SubmissionOutputTests.rosterCase

    @Test("title, stage, valid against the threshold, percent, batches, every status")
    func aCase() {
        let card = RosterCaseCard(Self.rosterCase)
        #expect(card.caseId == "113002" && card.title == "你是否同意……？" && card.stage == .petition)
        #expect(card.heading.zh == "案號 113002・連署")
        #expect(card.progress == ThresholdProgress(valid: 4870, threshold: 293_228))
        #expect(card.progress.label.zh == "有效 4,870／門檻 293,228" && card.progress.share.zh == "已達門檻的 1.66%")
        #expect(abs(card.progress.barFraction - 4870.0 / 293_228) < 1e-12)
        #expect(card.batches.count == 1 && card.batchNumbers == [1])
        #expect(card.batches[0].title.zh == "第 1 批")
        #expect(card.batches[0].details.zh == "113002-連署-20240302.cec・4,962 筆・連署 113/03/01～113/03/02・113/03/02 匯入")
        #expect(card.counts.map(\.status) == RecordStatus.allCases, "every status of spec §3, in order")
        #expect(card.counts.first { $0.status == .duplicate }?.count == 80)
        #expect(card.counts.first { $0.status == .underage }?.count == 0, "zero included")
        #expect(card.total == 4962)
        #expect(!card.isPurged && card.purgedNote == nil && card.canPack && card.canQuery)
    }

    @Test("the purge question says what goes and what stays")
    func purgeQuestion() {
        let card = RosterCaseCard(Self.rosterCase)
        #expect(card.purgeQuestion.zh == "刪除案號 113002 的個人資料？")
        for deleted in ["4,962 筆", "姓名", "身分證統一編號", "出生年月日", "戶籍地址"] {
            #expect(card.purgeExplanation.zh.contains(deleted))
        }
        for kept in ["保留", "各狀態筆數", "各縣市", "檔案雜湊", "無法復原"] {
            #expect(card.purgeExplanation.zh.contains(kept))
        }
    }

    @Test("a purged case is marked, keeps its statistics, and can no longer be packed or queried")
    func purged() {
        let source = Self.rosterCase
        let purged = RosterCase(caseId: source.caseId, caseTitle: source.caseTitle, stage: source.stage, electorate: source.electorate,
                                leadName: source.leadName, counts: source.counts, counties: source.counties, batches: source.batches,
                                purgedAt: Timestamp(rfc3339: "2024-04-01T08:00:00+08:00"))
        let card = RosterCaseCard(purged)
        #expect(card.isPurged && !card.canPack && !card.canQuery)
        #expect(card.purgedNote?.zh == "個人資料已於 113/04/01 清除；以下為保留的統計。")
        #expect(card.progress == RosterCaseCard(source).progress && card.counts == RosterCaseCard(source).counts)
        #expect(card.counties.map(\.county) == ["臺北市", "新北市"])
    }

    @Test("a proposal's threshold; progress past the goal fills the bar once")
    func proposalAndFullBar() {
        let proposal = RosterCase(caseId: "1", caseTitle: "t", stage: .proposal, electorate: 19_548_531, leadName: "",
                                  counts: StatusCounts([.valid: 2000]), counties: [], batches: [], purgedAt: nil)
        let card = RosterCaseCard(proposal)
        #expect(card.heading.zh == "案號 1・提案" && card.progress.label.zh == "有效 2,000／門檻 1,955")
        #expect(card.progress.percent == "102.30%" && card.progress.barFraction == 1)
        let empty = RosterCase(caseId: "2", caseTitle: "t", stage: .petition, electorate: 100, leadName: "",
                               counts: StatusCounts(), counties: [], batches: [], purgedAt: nil)
        #expect(!RosterCaseCard(empty).canPack, "nothing to pack")
    }
}
