import ArgumentParser

/// `civicdesk-docbench`: timings of the 公文 pipeline on a long letter, in a release build, for
/// `scripts/bench-documents.sh`. One subcommand per stage measured; a new stage (rendering)
/// adds its subcommand here and a line to the script.
@main
struct DocBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "civicdesk-docbench",
        abstract: "Measures how long CivicDesk takes over a long official letter (函).",
        subcommands: [DIBench.self, RenderBench.self])
}

/// The options every stage shares: the letter's length and how many times to repeat.
struct BenchOptions: ParsableArguments {
    @Option(help: "Pages the letter renders to, exactly (its 說明 items are counted to fill them).")
    var pages = 20

    @Option(help: "Rounds measured; the median is printed.")
    var rounds = 20
}
