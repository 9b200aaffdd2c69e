import Foundation

// What every fuzz target shares: the input as the parsers take it, the properties a target
// checks beyond "does not crash", and where the repository's test data is.

/// The bytes libFuzzer hands a target, as an array (what the parsers take).
func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops with `message` when a property the parser promises does not hold, so libFuzzer keeps
/// the input as a crash: a wrong answer is a finding as much as a crash is.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("property broken: " + message()) }
}

/// The repository this harness was built from (`Fuzz/Support/` is two levels down).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A file of the test PKI, `data/test-pki/PATH`.
func testPKI(_ path: String) -> URL {
    repositoryRoot.appendingPathComponent("data/test-pki").appendingPathComponent(path)
}
