import Foundation
import Synchronization

/// A thread its owner waits for. Foundation's `Thread` cannot be joined: one still running —
/// inside a PKCS#11 module, or releasing what it held (a session, OpenSSL's per-thread numbers)
/// — while the process exits races the exit-time finalizers, and refused imports died so
/// (issue 16). `join()` returns once the body has run, everything it captured has been released
/// and the thread has ended; the owner going away joins too.
public final class JoinableThread: Sendable {
    private let thread: pthread_t
    private let joined = Mutex(false)

    /// Starts `body` on a new thread named `name` (as `ps` and debuggers show it).
    public init(name: String, _ body: @escaping @Sendable () -> Void) {
        let start = Unmanaged.passRetained(Start(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Start>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, start)
        // Only a machine out of threads or memory refuses; nothing could go on then.
        precondition(created == 0, "pthread_create failed (\(created))")
        self.thread = thread
    }

    deinit {
        join()
    }

    /// Waits until the thread has ended; at once when it was joined before. Called on the
    /// thread itself (its owner released there) it cannot wait, and the thread is detached.
    public func join() {
        joined.withLock { joined in
            guard !joined else { return }
            joined = true
            if pthread_equal(thread, pthread_self()) != 0 {
                pthread_detach(thread)
            } else {
                pthread_join(thread, nil)
            }
        }
    }

    /// What the new thread runs, released on it before it ends.
    private final class Start {
        let name: String
        let body: @Sendable () -> Void

        init(name: String, body: @escaping @Sendable () -> Void) {
            self.name = name
            self.body = body
        }

        func run() {
            Thread.current.name = name
            body()
        }
    }
}
