import CivicCore
import CPCSCLite
import Foundation
import Synchronization

/// Watches readers and cards on a background thread (`SCardGetStatusChange`, with the
/// plug-and-play pseudo-reader for readers coming and going) and hands each change to `handler`
/// on that thread; a window forwards them to its main thread. The first events describe what is
/// there when watching starts. When the service stops, its readers are reported gone and the
/// watcher retries every second until it returns. Watching ends with `stop()` or when the
/// watcher goes away.
public final class CardWatcher: Sendable {
    private let loop: WatchLoop
    private let thread: JoinableThread

    public init(handler: @escaping @Sendable (CardEvent) -> Void) {
        let loop = WatchLoop()
        self.loop = loop
        thread = JoinableThread(name: "civicdesk.cards") {
            loop.run(handler)
        }
    }

    /// Events as an async sequence; watching stops when the sequence's consumer goes away.
    public static func events() -> AsyncStream<CardEvent> {
        AsyncStream { continuation in
            let watcher = CardWatcher { continuation.yield($0) }
            continuation.onTermination = { _ in watcher.stop() }
        }
    }

    deinit {
        stop()
    }

    /// Stops watching; once it returns no event is delivered any more and the thread has ended
    /// (unless it is called from the handler itself, which cannot wait for its own thread).
    public func stop() {
        if loop.stop() { thread.join() }
    }
}

/// The watching thread's state, shared with `stop()`.
private final class WatchLoop: Sendable {
    private let state = Mutex(Control())

    private struct Control {
        var stopping = false
        var context: PCSCContext?
        var thread: pthread_t?
    }

    /// Asks the loop to end; false when called on the watching thread, which cannot wait for itself.
    func stop() -> Bool {
        state.withLock { control in
            control.stopping = true
            control.context?.cancel()
            return !(control.thread.map { pthread_equal($0, pthread_self()) != 0 } ?? false)
        }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    func run(_ handler: @Sendable (CardEvent) -> Void) {
        state.withLock { $0.thread = pthread_self() }
        defer { state.withLock { $0.context = nil } }
        var known: [ReaderState] = []
        var serviceAvailable: Bool?
        while !isStopping {
            do {
                let context = try PCSCContext()
                let started = state.withLock { control in
                    control.context = control.stopping ? nil : context
                    return !control.stopping
                }
                guard started else { return }
                if serviceAvailable != true { handler(.serviceAvailable) }
                serviceAvailable = true
                try follow(context, known: &known, handler)
            } catch .serviceUnavailable {
                // The service is not (or no longer) running: its readers are gone with it.
                CardEvent.changes(from: known, to: []).forEach(handler)
                known = []
                if serviceAvailable != false { handler(.serviceUnavailable) }
                serviceAvailable = false
                state.withLock { $0.context = nil }
                pause(seconds: 1)
            } catch {
                // Anything else: start again on a fresh connection, which reports what changed.
                state.withLock { $0.context = nil }
                pause(seconds: 1)
            }
        }
    }

    /// Reports changes until cancelled (returns) or the service fails (throws).
    private func follow(_ context: PCSCContext, known: inout [ReaderState],
                        _ handler: @Sendable (CardEvent) -> Void) throws(CardError) {
        while !isStopping {
            let names = try context.readerNames()
            guard var observation = try context.observe(names, known: [:], timeout: 0, watchingReaderList: true) else { continue }
            while true {
                CardEvent.changes(from: known, to: observation.readers).forEach(handler)
                known = observation.readers
                if observation.readerListChanged { break }
                // stop() cancels the wait; the timeout only bounds a cancel that came just before it.
                guard let next = try context.observe(names, known: observation.raw, timeout: 500,
                                                     watchingReaderList: true) else {
                    if isStopping { return }
                    continue
                }
                observation = next
            }
        }
    }

    /// Sleeps, but not past a `stop()`.
    private func pause(seconds: Double) {
        let end = Date().addingTimeInterval(seconds)
        while !isStopping && Date() < end { usleep(50_000) }
    }
}
