import ArgumentParser
import CivicCore

/// `civicdesk date roc|iso`: between ISO dates and 中華民國 dates.
struct DateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "date", abstract: "民國日期轉換 (ROC dates).", subcommands: [ROC.self, ISO.self])

    struct ROC: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "ISO 日期轉民國日期：2024-03-04 → 113/03/04。")

        @Argument(help: "A date as YYYY-MM-DD.")
        var date: String

        @Flag(name: .long, help: "Print the long form, 中華民國113年3月4日.")
        var long = false

        func validate() throws {
            guard let parsed = CivilDate(iso: date), parsed.year >= ROCDate.eraStart else {
                throw ValidationError("「\(date)」不是民國元年（1912 年）以後的 YYYY-MM-DD 日期。")
            }
        }

        func run() throws {
            guard let parsed = CivilDate(iso: date),
                  let text = long ? ROCDate.long(parsed) : ROCDate.short(parsed) else { throw ExitCode(2) }
            print(text)
        }
    }

    struct ISO: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "民國日期轉 ISO 日期：113/03/04 或 中華民國113年3月4日 → 2024-03-04。")

        @Argument(help: "A ROC date such as 113/03/04 or 中華民國113年3月4日.")
        var date: String

        func validate() throws {
            guard ROCDate.parse(date) != nil else {
                throw ValidationError("「\(date)」不是民國日期（例如 113/03/04 或 中華民國113年3月4日）。")
            }
        }

        func run() throws {
            guard let parsed = ROCDate.parse(date) else { throw ExitCode(2) }
            print(parsed.iso)
        }
    }
}
