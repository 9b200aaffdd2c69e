import CivicCore

/// OpenSSL's SHA-256 is the digest Core's roster import and packing run on.
extension Digest: SHA256Digesting {}
