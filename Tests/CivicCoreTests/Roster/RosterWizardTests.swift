import Testing
@testable import CivicCore

@Suite("匯入精靈")
struct ImportWizardTests {
    static let files = [RosterImportWizard.ChosenFile(name: "113002-連署-20240302.cec", path: "/home/u/Downloads/a.cec"),
                        RosterImportWizard.ChosenFile(name: "113002-連署-20240306.cec", path: "/home/u/Downloads/b.cec")]

    static func outcome(batch: Int, counts: StatusCounts, newDuplicates: Int, caseValid: Int) -> BatchImportOutcome {
        BatchImportOutcome(caseId: "113002", batchNumber: batch, counts: counts, newDuplicates: newDuplicates,
                           caseCounts: StatusCounts([.valid: caseValid]), threshold: 293_228)
    }

    @Test func theWholeWay() {
        var wizard = RosterImportWizard()
        #expect(wizard.step == .chooseFiles && !wizard.canGoNext && wizard.problem != nil)
        wizard.add(Self.files)
        wizard.add([Self.files[0]])
        #expect(wizard.files == Self.files)
        wizard.next()
        #expect(wizard.step == .card)
        #expect(!wizard.canGoNext && wizard.problem?.zh.contains("插入") == true)
        wizard.cardChanged(.unusable(UserMessage(zh: "這是健保卡，不是自然人憑證。", en: "This is a health card.")))
        #expect(wizard.problem?.zh == "這是健保卡，不是自然人憑證。")
        wizard.cardChanged(.present(holder: "李大華"), unaddressedFiles: [UnaddressedFile(name: Self.files[1].name, recipients: ["王小明"])])
        #expect(!wizard.canGoNext)
        #expect(wizard.problem?.zh.contains("王小明") == true && wizard.problem?.zh.contains(Self.files[1].name) == true)
        wizard.cardChanged(.present(holder: "王小明"))
        #expect(wizard.canGoNext)
        wizard.next()
        #expect(wizard.step == .pin && wizard.pin.canSubmit(length: 6) && !wizard.pin.canSubmit(length: 5))
        wizard.pinSubmitted()
        #expect(!wizard.canGoBack && !wizard.pin.canSubmit(length: 6))
        wizard.pinRejected(.finalTry)
        #expect(wizard.step == .pin && wizard.problem?.zh.contains("鎖住") == true && wizard.pin.warning != nil)
        wizard.pinSubmitted()
        wizard.pinAccepted()
        #expect(wizard.step == .progress && wizard.progress?.fileCount == 2)
        let progress = ImportProgress(file: Self.files[0].name, records: 1000, bytes: 3_500_000, elapsed: .milliseconds(500))
        wizard.progressed(fileIndex: 0, progress)
        #expect(wizard.progress?.current?.recordsPerSecond == 2000)
        wizard.fileFinished(path: Self.files[0].path, .imported(Self.outcome(batch: 1, counts: StatusCounts([.valid: 90, .duplicate: 5, .underage: 5]),
                                                                              newDuplicates: 5, caseValid: 90)))
        wizard.fileFinished(path: Self.files[1].path, .imported(Self.outcome(batch: 2, counts: StatusCounts([.valid: 40, .duplicate: 10]),
                                                                              newDuplicates: 12, caseValid: 128)))
        wizard.importFinished()
        #expect(wizard.step == .summary)
        let summary = wizard.summary
        #expect(summary.counts == StatusCounts([.valid: 130, .duplicate: 15, .underage: 5]))
        #expect(summary.newDuplicates == 17)
        #expect(summary.imported == 2 && summary.failed.isEmpty)
        #expect(summary.cases.map(\.caseId) == ["113002"] && summary.cases[0].valid == 128 && summary.cases[0].threshold == 293_228)
    }

    @Test func aHealthCardIsNamedAsSuch() {
        var wizard = RosterImportWizard()
        wizard.add(Self.files)
        wizard.next()
        wizard.cardChanged(CardPresence(kind: .healthInsurance, holder: "王小明"))
        #expect(!wizard.canGoNext && wizard.problem?.zh.contains("健保卡") == true)
        wizard.cardChanged(CardPresence(kind: .naturalPerson, holder: "王小明"))
        #expect(wizard.canGoNext && wizard.card == .present(holder: "王小明"))
    }

    @Test func lockedCardCannotTakeAPin() {
        var wizard = Self.atPIN()
        wizard.pinSubmitted()
        wizard.pinRejected(.locked)
        #expect(!wizard.pin.canSubmit(length: 6))
        #expect(wizard.problem?.zh.contains("鎖住") == true)
    }

    @Test func removingTheCardAtThePinGoesBackToTheCard() {
        var wizard = Self.atPIN()
        wizard.cardChanged(.absent)
        #expect(wizard.step == .card && !wizard.canGoNext)
        wizard.cardChanged(.present(holder: "王小明"))
        wizard.next()
        #expect(wizard.step == .pin && wizard.pin == PINEntry())
    }

    @Test func backAndForth() {
        var wizard = Self.atPIN()
        wizard.back()
        #expect(wizard.step == .card)
        wizard.back()
        #expect(wizard.step == .chooseFiles)
        wizard.remove(path: Self.files[0].path)
        wizard.remove(path: Self.files[1].path)
        #expect(!wizard.canGoNext)
        wizard.next()
        #expect(wizard.step == .chooseFiles)
    }

    @Test func cancelAndFailuresReachTheSummary() {
        var wizard = Self.atPIN()
        wizard.pinAccepted()
        wizard.cancel()
        #expect(wizard.isCancelling)
        wizard.fileFinished(path: Self.files[0].path, .failed(RosterImportError.cancelled.message))
        wizard.importFinished()
        #expect(wizard.step == .summary && !wizard.isCancelling)
        let summary = wizard.summary
        #expect(summary.imported == 0)
        #expect(summary.failed.map(\.name) == Self.files.map(\.name))
        #expect(summary.failed[0].message == RosterImportError.cancelled.message)
    }

    @Test func stepsIgnoreEventsOfOtherSteps() {
        var wizard = RosterImportWizard()
        wizard.pinAccepted()
        wizard.cancel()
        wizard.importFinished()
        #expect(wizard.step == .chooseFiles)
    }

    static func atPIN() -> RosterImportWizard {
        var wizard = RosterImportWizard()
        wizard.add(files)
        wizard.next()
        wizard.cardChanged(.present(holder: "王小明"))
        wizard.next()
        return wizard
    }
}

@Suite("打包精靈")
struct PackWizardTests {
    @Test func theWholeWay() throws {
        var wizard = RosterPackWizard(caseId: "113002", documentsFolder: "/home/u/Documents")
        #expect(wizard.folder == "/home/u/Documents/CivicDesk/113002/")
        #expect(RosterPackWizard.defaultFolder(caseId: "1", documentsFolder: "/d/") == "/d/CivicDesk/1/")
        wizard.chooseFolder("/media/usb/", existingOutputs: ["連署.xlsx"])
        wizard.setFullIDs(true)
        #expect(wizard.replaceWarning?.zh.contains("連署.xlsx") == true && wizard.fullIDs)
        wizard.next()
        #expect(wizard.step == .card && !wizard.canGoNext)
        wizard.cardChanged(.present(holder: "王OO"))
        wizard.next()
        wizard.pinSubmitted()
        wizard.pinRejected(.triesReduced)
        #expect(wizard.problem != nil && wizard.pin.warning != nil)
        wizard.pinSubmitted()
        wizard.pinAccepted()
        #expect(wizard.step == .progress)
        wizard.progressed(PackProgress(records: 50, total: 200, elapsed: .seconds(1)))
        #expect(wizard.progress?.fraction == 0.25)
        let manifest = SubmissionOutputTests.manifest()
        wizard.packFinished(manifest)
        #expect(wizard.step == .done && wizard.manifest == manifest)
        #expect(RosterPackWizard.reminder.zh.contains("隨身碟"))
    }

    @Test func aFailureReturnsToTheOptionsAndAsksThePinAgain() {
        var wizard = RosterPackWizard(caseId: "113002", documentsFolder: "/home/u/Documents")
        wizard.next()
        wizard.cardChanged(.present(holder: "王OO"))
        wizard.next()
        wizard.pinSubmitted()
        wizard.pinAccepted()
        wizard.cancel()
        #expect(wizard.isCancelling)
        wizard.packFailed(RosterPackError.cancelled.message)
        #expect(wizard.step == .options && wizard.problem == RosterPackError.cancelled.message && !wizard.isCancelling)
        #expect(wizard.pin == PINEntry())
        wizard.next()
        #expect(wizard.step == .card && wizard.problem == nil)
    }

    @Test func anEmptyFolderCannotGoOn() {
        var wizard = RosterPackWizard(caseId: "1", documentsFolder: "/d")
        wizard.chooseFolder("")
        #expect(!wizard.canGoNext && wizard.problem != nil)
    }
}
