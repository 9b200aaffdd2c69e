import Foundation

/// A crash must not write the process's memory — PINs, unwrapped keys, decrypted records — to a
/// core file or a crash collector (spec §6): the core size limit is set to zero, hard and soft,
/// before anything personal is read. The Swift backtracer's report (stack and registers) still
/// prints.
public enum NoCoreDumps {
    public static func apply() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
    }
}
