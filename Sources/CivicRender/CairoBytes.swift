import CPangoCairo

/// Collects what a Cairo surface streams out (a PDF document, a PNG image) in memory, so the
/// caller decides where the bytes go: a file written whole, or a texture on screen.
final class CairoBytes {
    private(set) var bytes: [UInt8] = []

    /// Cairo's write callback; `closure` is an unretained `CairoBytes`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<CairoBytes>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    /// Runs `body` with the closure pointer Cairo hands back to `write`.
    func withClosure<T>(_ body: (UnsafeMutableRawPointer) throws -> T) rethrows -> T {
        try withExtendedLifetime(self) { try body(Unmanaged.passUnretained(self).toOpaque()) }
    }
}
