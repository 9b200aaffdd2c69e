import CGtk
import CGtkShim
import Dispatch

/// The one way background work hands results to GTK: the closure runs on the GLib main loop.
public enum MainThread {
    public static func async(_ work: @escaping @Sendable @MainActor () -> Void) {
        let box = Unmanaged.passRetained(MainWork(work)).toOpaque()
        civic_main_invoke({ data in
            guard let data else { return }
            let work = Unmanaged<MainWork>.fromOpaque(data).takeRetainedValue()
            MainActor.assumeIsolated { work.run() }
        }, box)
    }

    /// Runs blocking `work` (card or token I/O) on a background thread, then hands its result
    /// to `completion` on the main thread.
    public static func background<Result: Sendable>(_ work: @escaping @Sendable () -> Result,
                                                    then completion: @escaping @Sendable @MainActor (Result) -> Void) {
        DispatchQueue.global(qos: .userInitiated).async {
            let result = work()
            async { completion(result) }
        }
    }

    /// Lets Swift's main dispatch queue (and with it `@MainActor` tasks) run under GTK's loop.
    @MainActor
    static func attachDispatchQueue() {
        civic_attach_dispatch_main_queue()
    }
}

private final class MainWork: @unchecked Sendable {
    let run: @Sendable @MainActor () -> Void
    init(_ run: @escaping @Sendable @MainActor () -> Void) { self.run = run }
}

/// A repeating callback on the main loop (progress refresh, polling); stops when cancelled or
/// when this object goes away.
@MainActor
public final class MainLoopTimer {
    private var sourceID: guint = 0

    public init(every milliseconds: UInt32, _ action: @escaping @MainActor () -> Void) {
        let box = Unmanaged.passRetained(TimerClosure(action)).toOpaque()
        sourceID = g_timeout_add_full(G_PRIORITY_DEFAULT, milliseconds, { data in
            guard let data else { return 0 }
            let closure = Unmanaged<TimerClosure>.fromOpaque(data).takeUnretainedValue()
            MainActor.assumeIsolated { closure.action() }
            return 1
        }, box, { data in
            guard let data else { return }
            Unmanaged<TimerClosure>.fromOpaque(data).release()
        })
    }

    public func cancel() {
        if sourceID != 0 { g_source_remove(sourceID) }
        sourceID = 0
    }

    isolated deinit {
        cancel()
    }
}

private final class TimerClosure {
    let action: @MainActor () -> Void
    init(_ action: @escaping @MainActor () -> Void) { self.action = action }
}
