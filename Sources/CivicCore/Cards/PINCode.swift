/// A PIN held in memory that CivicDesk owns and wipes: never a `String`, which can be copied
/// anywhere and never cleared. The bytes are zeroed by `wipe()` and when the value goes away.
public final class PINCode: @unchecked Sendable {
    // @unchecked: the buffer is allocated once and never reallocated; after `wipe()` it only
    // reads as zeros, so sharing the reference between threads cannot expose freed memory.
    private let storage: UnsafeMutableBufferPointer<UInt8>

    /// Takes the PIN's bytes and wipes `buffer`, so no other copy stays behind.
    public init(wiping buffer: inout [UInt8]) {
        storage = .allocate(capacity: buffer.count)
        _ = storage.initialize(from: buffer)
        PINCode.zero(&buffer)
    }

    /// Copies the PIN's bytes from memory the caller wipes itself (a GTK entry's text, say).
    public init(copying bytes: UnsafeBufferPointer<UInt8>) {
        storage = .allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
    }

    deinit {
        wipe()
        storage.deallocate()
    }

    public var count: Int { storage.count }

    /// Lends the bytes to a call (a PKCS#11 login); they must not be kept beyond it.
    public func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(storage))
    }

    public func wipe() {
        storage.update(repeating: 0)
    }

    public static func zero(_ buffer: inout [UInt8]) {
        for index in buffer.indices { buffer[index] = 0 }
    }
}
