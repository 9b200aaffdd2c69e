#!/usr/bin/env bash
# Fuzz/run.sh [TARGET...]: builds the fuzz targets, makes the seed corpora, runs each target
# (all, or those named) for FUZZ_SECONDS (default 60), then prints a table of the figures
# libFuzzer gives at the end: executions, executions per second, coverage (cov: edges reached,
# ft: features), corpus size and crashes, with the CPU seconds the target had and executions per
# CPU second, which do not depend on how busy the machine is. Exits 1 when any target crashed;
# the inputs are kept in .build-fuzz/crashes/TARGET/ (replay one with
# `SWIFT_BACKTRACE=enable=no .build-fuzz/bin/TARGET FILE`). Each target keeps its corpus in
# .build-fuzz/corpus/TARGET/, so later runs go on from there.
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
rows=()
failed=0
for name in "$@"; do
    corpus=$out/corpus/$name crashes=$out/crashes/$name log=$out/logs/$name.log
    mkdir -p "$corpus" "$crashes" "$out/logs"
    options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
             -artifact_prefix="$crashes/")
    [ -f "$root/Fuzz/Dictionaries/$name.dict" ] && options+=(-dict="$root/Fuzz/Dictionaries/$name.dict")
    before=$(find "$crashes" -type f | wc -l)
    echo "fuzz: $name for ${seconds}s" >&2
    status=0
    # The CPU time it had, for a rate that does not depend on how busy the machine is.
    ( TIMEFORMAT='%U %S'; time "$out/bin/$name" "${options[@]}" "$corpus" "$out/seeds/$name" >"$log" 2>&1 ) \
        2>"$log.cpu" || status=$?
    found=$(( $(find "$crashes" -type f | wc -l) - before ))
    [ "$status" -ne 0 ] && [ "$found" -eq 0 ] && found=1
    [ "$found" -gt 0 ] && { failed=1; echo "fuzz: $name crashed, see $log" >&2; }
    stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -1; }
    last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1 || true)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
    units=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
    executions=$(stat number_of_executed_units)
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$log.cpu" 2>/dev/null || true)
    per_cpu=$(awk -v n="${executions:-0}" -v c="${cpu:-0}" 'BEGIN { if (c > 0) printf "%d", n / c; else print "?" }')
    rows+=("$(printf '| %-18s | %5s | %6s | %12s | %8s | %10s | %6s | %6s | %6s | %7s |' "$name" "$seconds" "${cpu:-?}" \
        "${executions:-?}" "$(stat average_exec_per_sec)" "$per_cpu" "${cov:-?}" "${ft:-?}" "${units:-?}" "$found")")
done

printf '| %-18s | %5s | %6s | %12s | %8s | %10s | %6s | %6s | %6s | %7s |\n' target 's' 'CPU s' executions 'exec/s' \
    'exec/CPU s' cov ft corpus crashes
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..20})" '------:' '-------:' '-------------:' \
    '---------:' '-----------:' '-------:' '-------:' '-------:' '--------:'
printf '%s\n' "${rows[@]}"
exit $failed
