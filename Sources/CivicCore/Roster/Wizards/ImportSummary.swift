extension RosterImportWizard {
    /// The summary page: what the import did, file by file and in all.
    public var summary: Summary {
        Summary(files: files.map { ($0, outcomes[$0.path]) })
    }

    public struct Summary: Sendable, Equatable {
        /// Records of the imported files by status.
        public let counts: StatusCounts
        public let newDuplicates: Int
        /// Each case touched, with its valid count and threshold after the import.
        public let cases: [CaseProgress]
        public let imported: Int
        /// Files imported before (same SHA-256): nothing changed for them.
        public let alreadyImported: [(name: String, batch: StoredBatch)]
        /// Files refused or stopped, with why; files never reached are listed as not imported.
        public let failed: [(name: String, message: UserMessage)]

        public struct CaseProgress: Sendable, Equatable {
            public let caseId: String
            public let valid: Int
            public let threshold: Int
            public var progress: ThresholdProgress { ThresholdProgress(valid: valid, threshold: threshold) }
        }

        init(files: [(ChosenFile, FileOutcome?)]) {
            var counts = StatusCounts()
            var newDuplicates = 0
            var cases: [CaseProgress] = []
            var imported = 0
            var alreadyImported: [(String, StoredBatch)] = []
            var failed: [(String, UserMessage)] = []
            for (file, outcome) in files {
                switch outcome {
                case .imported(let result):
                    imported += 1
                    counts = counts + result.counts
                    newDuplicates += result.newDuplicates
                    let progress = CaseProgress(caseId: result.caseId, valid: result.caseCounts[.valid], threshold: result.threshold)
                    cases.removeAll { $0.caseId == result.caseId }
                    cases.append(progress)
                case .alreadyImported(let batch):
                    alreadyImported.append((file.name, batch))
                case .failed(let message):
                    failed.append((file.name, message))
                case nil:
                    failed.append((file.name, UserMessage(zh: "未匯入（匯入已停止）。", en: "Not imported (the import stopped).")))
                }
            }
            self.counts = counts
            self.newDuplicates = newDuplicates
            self.cases = cases.sorted { $0.caseId < $1.caseId }
            self.imported = imported
            self.alreadyImported = alreadyImported
            self.failed = failed
        }

        /// The page's heading: all imported, some, or none.
        public var heading: UserMessage {
            if failed.isEmpty {
                return imported > 0 ? UserMessage(zh: "匯入完成", en: "Import complete")
                                    : UserMessage(zh: "沒有新的批次", en: "No new batches")
            }
            return imported > 0 ? UserMessage(zh: "部分檔案未匯入", en: "Some files were not imported")
                                : UserMessage(zh: "沒有匯入任何檔案", en: "Nothing was imported")
        }

        /// One line under the heading: how many files went which way.
        public var overview: UserMessage {
            var zh = ["已匯入 \(imported) 個檔案"]
            var en = ["\(imported) file(s) imported"]
            if !alreadyImported.isEmpty {
                zh.append("\(alreadyImported.count) 個先前已匯入")
                en.append("\(alreadyImported.count) imported before")
            }
            if !failed.isEmpty {
                zh.append("\(failed.count) 個未匯入")
                en.append("\(failed.count) not imported")
            }
            return UserMessage(zh: zh.joined(separator: "，") + "。", en: en.joined(separator: ", ") + ".")
        }

        public static func == (lhs: Summary, rhs: Summary) -> Bool {
            lhs.counts == rhs.counts && lhs.newDuplicates == rhs.newDuplicates && lhs.cases == rhs.cases
                && lhs.imported == rhs.imported
                && lhs.alreadyImported.map(\.name) == rhs.alreadyImported.map(\.name)
                && lhs.alreadyImported.map(\.batch) == rhs.alreadyImported.map(\.batch)
                && lhs.failed.map(\.name) == rhs.failed.map(\.name) && lhs.failed.map(\.message) == rhs.failed.map(\.message)
        }
    }
}
