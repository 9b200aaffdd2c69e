import CGtk
import CGtkShim

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
