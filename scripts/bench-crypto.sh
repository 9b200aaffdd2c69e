#!/usr/bin/env bash
# Measures CivicCrypto where the roster import spends its time, in a release build:
# record-signature verification (µs per record on one thread and on all cores) beside OpenSSL's
# own RSA-2048 verification speed, and streaming decryption of a large batch file with the test
# process's peak memory. Sizes: CIVIC_BENCH_SIGNERS (default 2000 distinct signers),
# CIVIC_BENCH_ROUNDS (10 passes over them), CIVIC_LARGE_ENVELOPE_MB (400).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=/opt/swift/usr/bin:$PATH
export CIVIC_BENCH_SIGNERS=${CIVIC_BENCH_SIGNERS:-2000} CIVIC_BENCH_ROUNDS=${CIVIC_BENCH_ROUNDS:-10}
export CIVIC_LARGE_ENVELOPE_MB=${CIVIC_LARGE_ENVELOPE_MB:-400}

# The tests use @testable imports, so the release build needs testing enabled.
swift build -c release --build-tests -Xswiftc -enable-testing
tests=.build/release/CivicDeskPackageTests.xctest

echo "== Record signatures ($CIVIC_BENCH_SIGNERS signers × $CIVIC_BENCH_ROUNDS rounds)"
"$tests" --testing-library swift-testing --filter VerificationBenchmarkTests 2>&1 | grep -E "Verified|✘" || true

echo "== Large batch ($CIVIC_LARGE_ENVELOPE_MB MB), peak resident memory of the whole test process"
/usr/bin/time -f "peak RSS %M KB" "$tests" --testing-library swift-testing --filter LargeEnvelopeTests 2>&1 \
    | grep -E "Decrypted|peak RSS|✘" || true

echo "== OpenSSL's RSA-2048 for comparison (one thread, key reused)"
openssl speed -seconds 3 rsa2048 2>/dev/null | tail -2
