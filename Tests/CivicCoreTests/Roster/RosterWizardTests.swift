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
        #expect(wizard.step == .working)
        wizard.progressed(PackProgress(records: 50, total: 200, elapsed: .seconds(1)))
        #expect(wizard.progress?.fraction == 0.25)
        #expect(PackProgress(records: 1234, total: 3600, elapsed: .seconds(65)).detail.zh == "已寫入 1,234／3,600 筆・已用 1:05")
        let manifest = SubmissionOutputTests.manifest()
        wizard.packFinished(manifest)
        #expect(wizard.step == .finished && wizard.manifest == manifest)
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
        #expect(wizard.step == .setup && wizard.problem == RosterPackError.cancelled.message && !wizard.isCancelling)
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

@Suite("匯入精靈：PIN 狀態、不需 PIN、進度與摘要")
struct ImportWizardDetailsTests {
    static let files = [RosterImportWizard.ChosenFile(name: "a.cec", path: "/d/a.cec", size: 1000),
                        RosterImportWizard.ChosenFile(name: "b.cec", path: "/d/b.cec", size: 3000)]

    static func atCard() -> RosterImportWizard {
        var wizard = RosterImportWizard()
        wizard.add(files)
        wizard.next()
        return wizard
    }

    @Test("the tries the token reports show before a PIN is typed; a locked card takes none")
    func pinStatusFirst() {
        var wizard = Self.atCard()
        wizard.pinStatusRead(.finalTry)
        #expect(wizard.pin == PINEntry(), "only on the PIN step")
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.pinStatusRead(.finalTry)
        #expect(wizard.pin.warning == PINStatus.finalTry.warning && wizard.pin.canSubmit(length: 6) && wizard.problem == nil)
        wizard.pinStatusRead(.locked)
        #expect(!wizard.pin.canSubmit(length: 6) && wizard.pin.warning?.zh.contains("鎖住") == true)
    }

    @Test("a card still being read waits, and sends the PIN step back to the card")
    func waitingCard() {
        var wizard = Self.atCard()
        let reading = UserMessage(zh: "正在讀取卡片，請勿取出…", en: "Reading…")
        wizard.cardChanged(.waiting(reading))
        #expect(!wizard.canGoNext && wizard.problem == reading)
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.cardChanged(.waiting(reading))
        #expect(wizard.step == .card)
    }

    @Test("when no file needs the card's key, Next skips the PIN and the summary lists the files imported before")
    func nothingNeedsThePIN() throws {
        var wizard = Self.atCard()
        wizard.cardChanged(.present(holder: "王大明"), needsPIN: false)
        wizard.next()
        #expect(wizard.step == .progress)
        let batch = StoredBatch(caseId: "113002", number: 1, file: BatchFile(name: "a.cec", sha256: "aa"), records: 10,
                                downloadedAt: try #require(Timestamp(rfc3339: "2024-03-02T10:00:00+08:00")),
                                signedFrom: try #require(CivilDate(iso: "2024-03-01")), signedTo: try #require(CivilDate(iso: "2024-03-02")),
                                importedAt: try #require(Timestamp(rfc3339: "2024-03-03T10:00:00+08:00")))
        wizard.fileFinished(path: Self.files[0].path, .alreadyImported(batch))
        wizard.fileFinished(path: Self.files[1].path, .failed(UserMessage(zh: "壞檔", en: "bad")))
        wizard.importFinished()
        let summary = wizard.summary
        #expect(summary.alreadyImported.map(\.name) == ["a.cec"] && summary.alreadyImported[0].batch == batch)
        #expect(summary.failed.map(\.name) == ["b.cec"])
        #expect(summary.heading.zh == "沒有匯入任何檔案")
        #expect(summary.overview.zh == "已匯入 0 個檔案，1 個先前已匯入，1 個未匯入。")
    }

    @Test("progress: file i of n, records of every file so far, rate, elapsed, and a fraction from the bytes")
    func progress() throws {
        var wizard = Self.atCard()
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.pinSubmitted()
        wizard.pinAccepted()
        #expect(wizard.progressDisplay(elapsed: .zero)?.fraction == 0)
        wizard.fileStarted(index: 0)
        wizard.progressed(fileIndex: 0, ImportProgress(file: "a.cec", records: 100, bytes: 500, elapsed: .milliseconds(250)))
        var shown = try #require(wizard.progressDisplay(elapsed: .seconds(2)))
        #expect(shown.file.zh == "第 1／2 個檔案：a.cec" && shown.records == 100 && shown.recordsPerSecond == 400)
        #expect(shown.fraction == 0.25)
        #expect(shown.detail.zh == "已處理 100 筆・每秒 400 筆・已用 0:02")
        let outcome = BatchImportOutcome(caseId: "113002", batchNumber: 1, counts: StatusCounts([.valid: 190, .duplicate: 10]),
                                         newDuplicates: 10, caseCounts: StatusCounts([.valid: 190]), threshold: 293_228)
        wizard.fileFinished(path: Self.files[0].path, .imported(outcome))
        wizard.fileStarted(index: 1)
        wizard.progressed(fileIndex: 1, ImportProgress(file: "b.cec", records: 1000, bytes: 6000, elapsed: .seconds(1)))
        shown = try #require(wizard.progressDisplay(elapsed: .seconds(65)))
        #expect(shown.file.zh == "第 2／2 個檔案：b.cec" && shown.records == 1200)
        #expect(shown.fraction == (1 + 0.99) / 2, "a file is not done before it says so")
        #expect(shown.detail.zh == "已處理 1,200 筆・每秒 1,000 筆・已用 1:05")
        wizard.importFinished()
        #expect(wizard.progressDisplay(elapsed: .seconds(66)) == nil)
        #expect(wizard.summary.heading.zh == "部分檔案未匯入", "b.cec never finished")
    }
}

@Suite("The card's answer to a PIN, taken one way by both wizards")
struct PINCheckedTests {
    static func atPIN() -> RosterPackWizard {
        var wizard = RosterPackWizard(caseId: "1", documentsFolder: "/d")
        wizard.next()
        wizard.cardChanged(.present(holder: "王大明"))
        wizard.next()
        wizard.pinSubmitted()
        return wizard
    }

    @Test func answers() {
        var wizard = Self.atPIN()
        wizard.pinChecked(.wrongPIN(.finalTry))
        #expect(wizard.step == .pin && wizard.problem == PINStatus.finalTry.wrongPINMessage && !wizard.pin.isChecking)
        wizard.pinSubmitted()
        wizard.pinChecked(.pinLocked)
        #expect(!wizard.pin.canSubmit(length: 6) && wizard.problem == PINStatus.locked.wrongPINMessage)
        wizard = Self.atPIN()
        wizard.pinChecked(.tokenRemoved)
        #expect(wizard.step == .pin && wizard.problem == TokenError.tokenRemoved.message && wizard.pin.tries == .normal)
        wizard.pinSubmitted()
        wizard.pinChecked(nil)
        #expect(wizard.step == .working)
        var importing = ImportWizardTests.atPIN()
        importing.pinSubmitted()
        importing.pinChecked(.wrongPIN(.normal))
        #expect(importing.problem?.zh.hasPrefix("PIN 碼錯誤") == true)
    }
}

@Suite("Both wizards in the stages the window's card wizard page draws")
struct CardWizardStageTests {
    /// Walks `wizard` through every stage as the page does (the card inserted at the card step),
    /// recording each; `finish` ends the work.
    static func stages<W: CardWizard>(_ wizard: inout W, insert: (inout W) -> Void, finish: (inout W) -> Void) -> [CardWizardStage] {
        var seen = [wizard.stage]
        wizard.next()
        seen.append(wizard.stage)
        insert(&wizard)
        wizard.next()
        seen.append(wizard.stage)
        wizard.pinSubmitted()
        wizard.pinChecked(nil)
        seen.append(wizard.stage)
        finish(&wizard)
        seen.append(wizard.stage)
        return seen
    }

    @Test func importAndPackGoTheSameWay() {
        var importing = RosterImportWizard()
        importing.add([.init(name: "a.cec", path: "/a.cec")])
        let importStages = Self.stages(&importing, insert: { $0.cardChanged(.present(holder: "王大明")) },
                                       finish: { $0.importFinished() })
        var packing = RosterPackWizard(caseId: "1", documentsFolder: "/d")
        let packStages = Self.stages(&packing, insert: { $0.cardChanged(.present(holder: "王大明")) },
                                     finish: { $0.packFinished(SubmissionOutputTests.manifest()) })
        let all: [CardWizardStage] = [.setup, .card, .pin, .working, .finished]
        #expect(importStages == all && packStages == all)
    }
}
