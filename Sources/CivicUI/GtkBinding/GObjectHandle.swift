import CGtk
import CGtkShim

/// Owns one reference to a GObject and the Swift closures connected to its signals.
/// Every GTK wrapper derives from it, so pointer casts and reference counting live here only.
@MainActor
open class GObjectHandle {
    /// The object, untyped; `pointer()` and `pointer()` give it the type a C function expects.
    public let raw: UnsafeMutableRawPointer

    /// Takes ownership of a new object (sinking a floating reference) or adds a reference.
    public init(taking object: UnsafeMutableRawPointer) {
        raw = object
        g_object_ref_sink(object)
    }

    isolated deinit {
        g_object_unref(raw)
    }

    /// The object as the pointer a C function expects: typed for GTK's public instance structs,
    /// pointer() for final types whose structs Swift cannot see. The parameter type picks the form.
    public func pointer<T>() -> UnsafeMutablePointer<T> {
        raw.assumingMemoryBound(to: T.self)
    }

    public func pointer() -> OpaquePointer {
        OpaquePointer(raw)
    }

    /// Runs `action` on the main thread each time `signal` is emitted; the closure lives as long
    /// as the object. Extra signal arguments are ignored.
    @discardableResult
    public func on(_ signal: String, _ action: @escaping @MainActor () -> Void) -> UInt {
        let box = Unmanaged.passRetained(SignalClosure(action)).toOpaque()
        return civic_signal_connect0(raw, signal, { data in
            guard let data else { return }
            let closure = Unmanaged<SignalClosure>.fromOpaque(data).takeUnretainedValue()
            MainActor.assumeIsolated { closure.action() }
        }, box, releaseSignalClosure)
    }

    /// For signals whose handler decides (close-request, key-pressed…): return true to stop
    /// the default handling.
    @discardableResult
    public func onDecide(_ signal: String, _ action: @escaping @MainActor () -> Bool) -> UInt {
        let box = Unmanaged.passRetained(DecidingClosure(action)).toOpaque()
        return civic_signal_connect_bool(raw, signal, { data in
            guard let data else { return 0 }
            let closure = Unmanaged<DecidingClosure>.fromOpaque(data).takeUnretainedValue()
            return MainActor.assumeIsolated { closure.action() } ? 1 : 0
        }, box, releaseSignalClosure)
    }

    /// For signals with one pointer argument (notify, response, list item setup and bind…).
    @discardableResult
    public func onArgument(_ signal: String, _ action: @escaping @MainActor (UnsafeMutableRawPointer?) -> Void) -> UInt {
        let box = Unmanaged.passRetained(ArgumentClosure(action)).toOpaque()
        return civic_signal_connect1(raw, signal, { _, argument, data in
            guard let data else { return }
            let closure = Unmanaged<ArgumentClosure>.fromOpaque(data).takeUnretainedValue()
            MainActor.assumeIsolated { closure.action(argument) }
        }, box, releaseSignalClosure)
    }

    /// Disconnects a handler returned by `on…`; its closure is released by GLib.
    public func disconnect(_ handler: UInt) {
        g_signal_handler_disconnect(raw, gulong(handler))
    }
}

final class SignalClosure {
    let action: @MainActor () -> Void
    init(_ action: @escaping @MainActor () -> Void) { self.action = action }
}

final class DecidingClosure {
    let action: @MainActor () -> Bool
    init(_ action: @escaping @MainActor () -> Bool) { self.action = action }
}

final class ArgumentClosure {
    let action: @MainActor (UnsafeMutableRawPointer?) -> Void
    init(_ action: @escaping @MainActor (UnsafeMutableRawPointer?) -> Void) { self.action = action }
}

/// GLib calls this when a handler is disconnected or its object finalised.
let releaseSignalClosure: GClosureNotify = { data, _ in
    guard let data else { return }
    Unmanaged<AnyObject>.fromOpaque(data).release()
}
