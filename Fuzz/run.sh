#!/usr/bin/env bash
# Fuzz/run.sh [TARGET...]: builds the fuzz targets, makes the seed corpora, runs each target
# (all, or those named) for FUZZ_SECONDS (default 60) with FUZZ_JOBS workers (default: one per
# CPU) sharing one corpus, then prints a table of the figures libFuzzer gives at the end, summed
# over the workers: executions, executions per second, coverage (cov: edges reached, ft:
# features, the best worker's), corpus size and crashes, with the CPU seconds the workers had and
# executions per CPU second, which do not depend on how busy the machine is. Exits 1 when any
# target crashed; the inputs are kept in .build-fuzz/crashes/TARGET/ (replay one with
# `SWIFT_BACKTRACE=enable=no .build-fuzz/bin/TARGET FILE`). Each target keeps its corpus in
# .build-fuzz/corpus/TARGET/, so later runs go on from there.
#
# A target whose inputs have a size bound in real use says so on a line of its own,
# `// fuzz-max-len: BYTES`, with the reason beside it; libFuzzer's default (4096, or the largest
# seed) holds for the others.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/.build-fuzz
seconds=${FUZZ_SECONDS:-60}

"$root/Fuzz/build.sh" "$@"
"$root/Fuzz/seeds.sh"
if [ $# -eq 0 ]; then
    set -- $(cd "$root/Fuzz/Targets" && ls *.swift | sed 's/\.swift$//')
fi

# Swift's own crash reporter would hold the process; libFuzzer and ASan report crashes.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}
jobs=${FUZZ_JOBS:-$(nproc)}
# The `// fuzz-max-len:` of target $1, if it has one.
max_len_of() {
    sed -n 's|^// fuzz-max-len: *\([0-9]*\).*|\1|p' "$root/Fuzz/Targets/$1.swift" | head -1
}
rows=()
failed=0
for name in "$@"; do
    corpus=$out/corpus/$name crashes=$out/crashes/$name logs=$out/logs/$name
    mkdir -p "$corpus" "$crashes" "$out/logs"
    rm -f "$logs".*.log
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$crashes/")
    [ -f "$root/Fuzz/Dictionaries/$name.dict" ] && options+=(-dict="$root/Fuzz/Dictionaries/$name.dict")
    max_len=$(max_len_of "$name")
    [ -n "$max_len" ] && options+=(-max_len="$max_len")
    before=$(find "$crashes" -type f | wc -l)
    echo "fuzz: $name for ${seconds}s, $jobs worker(s)${max_len:+, inputs up to $max_len bytes}" >&2
    # The workers share the corpus folder: each adds what it finds there and reads the others'
    # finds from it. The CPU time they had gives a rate that does not depend on how busy the
    # machine is.
    ( TIMEFORMAT='%U %S'
      time {
          for worker in $(seq "$jobs"); do
              ( "$out/bin/$name" "${options[@]}" "$corpus" "$out/seeds/$name" >"$logs.$worker.log" 2>&1
                echo $? >"$logs.$worker.status" ) &
          done
          wait
      } ) 2>"$logs.cpu"
    status=$(cat "$logs".*.status | sort -n | tail -1); rm -f "$logs".*.status
    found=$(( $(find "$crashes" -type f | wc -l) - before ))
    [ "$status" -ne 0 ] && [ "$found" -eq 0 ] && found=1
    [ "$found" -gt 0 ] && { failed=1; echo "fuzz: $name crashed, see $logs.*.log" >&2; }
    # A figure of libFuzzer's final stats, summed over the workers.
    total() { cat "$logs".*.log | sed -n "s/^stat::$1: *//p" | awk '{ n += $1 } END { print n + 0 }'; }
    # A figure of the workers' last status lines (`cov: 204 ft: 317 corp: 58/497b`), the highest.
    best() { for log in "$logs".*.log; do grep -E '^#[0-9]+.*cov: ' "$log" | tail -1; done |
             sed -n "s/.* $1: \([0-9]*\).*/\1/p" | sort -n | tail -1; }
    executions=$(total number_of_executed_units)
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$logs.cpu" 2>/dev/null || true)
    per_cpu=$(awk -v n="$executions" -v c="${cpu:-0}" 'BEGIN { if (c > 0) printf "%d", n / c; else print "?" }')
    rows+=("$(printf '| %-18s | %5s | %4s | %6s | %12s | %8s | %10s | %6s | %6s | %6s | %7s |' "$name" "$seconds" "$jobs" \
        "${cpu:-?}" "$executions" "$(total average_exec_per_sec)" "$per_cpu" "$(best cov)" "$(best ft)" \
        "$(best corp)" "$found")")
done

printf '| %-18s | %5s | %4s | %6s | %12s | %8s | %10s | %6s | %6s | %6s | %7s |\n' target 's' jobs 'CPU s' executions \
    'exec/s' 'exec/CPU s' cov ft corpus crashes
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..20})" '------:' '-----:' '-------:' \
    '-------------:' '---------:' '-----------:' '-------:' '-------:' '-------:' '--------:'
printf '%s\n' "${rows[@]}"
exit $failed
