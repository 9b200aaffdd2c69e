import Testing
@testable import CivicCore

@Suite("連署紀錄查詢: the form checked into a filter")
struct RecordQueryFormTests {
    @Test("an empty form filters nothing")
    func empty() {
        let form = RecordQueryForm(batches: [1, 2])
        #expect(form.problems.isEmpty)
        #expect(form.filter == RecordFilter())
    }

    @Test("民國 and ISO dates, the ID prefix upper-cased, a status and a batch")
    func everyField() throws {
        var form = RecordQueryForm(batches: [1, 2, 4])
        form.signedFrom = " 113/03/01 "
        form.signedTo = "2024-03-05"
        form.idPrefix = "a12"
        form.statusIndex = try #require(RecordQueryForm.statuses.firstIndex(of: .duplicate))
        form.batchIndex = 3
        let filter = try #require(form.filter)
        #expect(filter.signedFrom == CivilDate(iso: "2024-03-01") && filter.signedTo == CivilDate(iso: "2024-03-05"))
        #expect(filter.idPrefix?.text == "A12" && filter.status == .duplicate && filter.batch == 4)
    }

    @Test("the choices: 全部 and every status in Chinese; 全部 and each batch")
    func choices() {
        #expect(RecordQueryForm.statusChoices.count == RecordStatus.allCases.count + 1)
        #expect(RecordQueryForm.statusChoices.first?.zh == "全部" && RecordQueryForm.statusChoices.last?.zh == "重複連署")
        #expect(RecordQueryForm(batches: [1, 3]).batchChoices.map(\.zh) == ["全部", "第 1 批", "第 3 批"])
    }

    @Test("wrong fields are named, each with what to write")
    func problems() {
        var form = RecordQueryForm(batches: [])
        form.signedFrom = "113/02/30"
        form.signedTo = "yesterday"
        form.idPrefix = "A1234567"
        let problems = form.problems
        #expect(problems[.signedFrom]?.zh == "「113/02/30」不是日期，請寫成 113/03/01 或 2024-03-01。")
        #expect(problems[.signedTo]?.zh.contains("yesterday") == true)
        #expect(problems[.idPrefix] == IDPrefix.Problem.tooLong.message)
        #expect(form.filter == nil)
        form.signedFrom = "113/03/05"
        form.signedTo = "113/03/01"
        form.idPrefix = "A1*"
        #expect(form.problems[.signedFrom] == nil)
        #expect(form.problems[.signedTo]?.zh == "迄日早於起日，請調整連署日期。")
        #expect(form.problems[.idPrefix] == IDPrefix.Problem.characters.message)
    }

    @Test("重填 empties every field and keeps the batches")
    func reset() {
        var form = RecordQueryForm(batches: [1, 2])
        form.signedFrom = "x"
        form.statusIndex = 3
        form.batchIndex = 2
        form.reset()
        #expect(form == RecordQueryForm(batches: [1, 2]))
        #expect(RecordQueryForm.count(3600).zh == "共 3,600 筆")
    }
}
