import ArgumentParser
import CivicCore

/// `civicdesk id check ID...`: the verdict on each 國民身分證統一編號 and why.
struct IDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "id", abstract: "身分證統一編號工具 (ID numbers).", subcommands: [Check.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "檢查國民身分證統一編號，每個一行；全部有效時結束碼為 0，任一無效為 1。")

        @Argument(help: "One or more ID numbers, e.g. A123456789.")
        var ids: [String] = []

        @Flag(name: .long, help: "Also read ID numbers from standard input, one per line.")
        var stdin = false

        func validate() throws {
            if ids.isEmpty && !stdin { throw ValidationError("請輸入至少一個身分證統一編號，或以 --stdin 由標準輸入讀取。") }
        }

        func run() throws {
            var allValid = true
            var input = ids.makeIterator()
            while let id = input.next() ?? (stdin ? readLine() : nil) {
                switch PersonalID.check(id) {
                case .success(.nationalID(let sex)):
                    print("\(id)：\(PersonalID.Kind.nationalID(sex).message.zh)")
                case .success(let kind):
                    allValid = false
                    print("\(id)：無效 — \(kind.message.zh)")
                case .failure(let problem):
                    allValid = false
                    print("\(id)：無效 — \(problem.message.zh)")
                }
            }
            if !allValid { throw ExitCode(1) }
        }
    }
}
