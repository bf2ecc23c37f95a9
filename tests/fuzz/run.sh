#!/bin/sh
# run.sh [SECONDS]: `make fuzz` (after ./configure --enable-fuzzing CC=clang).
# Runs each libFuzzer target for SECONDS (default 60) on a copy of its seed
# corpus (tests/fuzz/corpus/NAME; the seeds are never modified), then prints
# per target the executions, the corpus it grew to, and clean or the crash.
#
# Environment: SC_SRCDIR, SC_BUILDDIR (set by make); FUZZ_TARGETS (default
# "parse search args explain explain_kinds codearg dbtext entity"); FUZZ_WORK (where the
# corpus copies and crash files go, default $SC_BUILDDIR/tests/fuzz/fuzz_work; kept, so a run can go on from
# the last one's corpus with FUZZ_KEEP=1); FUZZ_ARGS (more libFuzzer flags).
# Exits 1 when any target found a crash, a leak or a timeout.
set -u

seconds=${1:-}
[ -n "$seconds" ] || seconds=60
case $seconds in *[!0-9]* | '') echo "run.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2 ;; esac
srcdir=${SC_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SC_BUILDDIR:-$(pwd)}
work=${FUZZ_WORK:-$builddir/tests/fuzz/fuzz_work}   # fuzz_*: ignored by git
targets=${FUZZ_TARGETS:-parse search args explain explain_kinds codearg dbtext entity}

export SC_SRCDIR="$srcdir" SC_BUILDDIR="$builddir"
export STATUSCODES_DB="${STATUSCODES_DB:-$builddir/db/statuscodes.db}"
# leaks are findings; sqlite3 and ncurses are not instrumented
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

# nfiles DIR: how many files DIR holds
nfiles() { set -- "$1"/*; if [ -e "$1" ]; then echo $#; else echo 0; fi; }

mkdir -p "$work" || exit 2
failed=0
summary=

for t in $targets; do
	bin=$builddir/tests/fuzz/fuzz_$t
	if [ ! -x "$bin" ]; then
		echo "run.sh: $bin is missing (./configure --enable-fuzzing CC=clang; make fuzz)" >&2
		exit 2
	fi
	corpus=$work/$t/corpus
	crashes=$work/$t/crashes
	log=$work/$t/log
	if [ "${FUZZ_KEEP:-0}" != 1 ]; then
		rm -rf "$corpus"
	fi
	rm -rf "$crashes"     # this run's findings only
	mkdir -p "$corpus" "$crashes"
	cp "$srcdir"/tests/fuzz/corpus/"$t"/* "$corpus"/ 2>/dev/null
	echo "== fuzz_$t: $seconds s on $(nfiles "$corpus") inputs ($log)" >&2
	# shellcheck disable=SC2086
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
	    -print_final_stats=1 -artifact_prefix="$crashes/" ${FUZZ_ARGS:-} \
	    "$corpus" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	size=$(nfiles "$corpus")
	artifacts=$(cd "$crashes" 2>/dev/null && for f in *; do [ -e "$f" ] && printf "%s " "$f"; done)
	if [ "$rc" -eq 0 ] && [ -z "$artifacts" ]; then
		result=clean
	else
		failed=1
		kind=$(grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|fuzz_[a-z]+: ' "$log" |
		       sed 's/^.*ERROR: //' | cut -c1-120)
		result="FAILED (exit $rc): ${kind:-see the log}; input: ${artifacts:-none saved}"
	fi
	line=$(printf '%-12s %12s execs %8s/s  corpus %6s  %s' "fuzz_$t" "${execs:-?}" "${speed:-?}" "$size" "$result")
	summary="$summary$line
"
	echo "$line" >&2
done

echo
printf '%s' "$summary"
if [ "$failed" -ne 0 ]; then
	echo
	echo "Crash inputs are under $work/*/crashes; rerun one with: tests/fuzz/fuzz_NAME FILE"
fi
exit "$failed"
