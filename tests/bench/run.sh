#!/bin/sh
# run.sh: `make bench`. Measures statuscodes against its targets and the
# nearest other ways of answering the same question, prints one table and
# writes it, with the exact commands and the date, into the figures section
# of docs/PERFORMANCE.md. Figures, never assertions: it fails only when
# something cannot be run at all.
#
# Environment: SC_SRCDIR, SC_BUILDDIR (set by make), BENCH_RUNS (whole-
# process runs, default 30), BENCH_REPEAT (repeats of every prefix on the
# real database, default 20; 5 on the large one), BENCH_ENTRIES (size of
# the generated database, default 100000), BENCH_TUI_TEXT (what the
# browser's first frame shows, default HTTP), BENCH_DOC (the file to write,
# default $SC_SRCDIR/docs/PERFORMANCE.md; "none" to write nothing),
# BENCH_TIMER (hyperfine or builtin; default hyperfine when installed).
# Needs only sh, awk and sed; sqlite3, hyperfine, GNU time, grep and hc
# are used when present and their rows say n/a otherwise.
set -u

srcdir=${SC_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${SC_BUILDDIR:-$(pwd)}
RUNS=${BENCH_RUNS:-30}
REPEAT=${BENCH_REPEAT:-20}
ENTRIES=${BENCH_ENTRIES:-100000}
TUI_TEXT=${BENCH_TUI_TEXT:-HTTP}
DOC=${BENCH_DOC:-$srcdir/docs/PERFORMANCE.md}

SC=$builddir/src/statuscodes
MKDB=$builddir/src/sc-mkdb
B=$builddir/tests/bench/bench_search
DB=$builddir/db/statuscodes.db

for f in "$SC" "$MKDB" "$B" "$DB"; do
	if [ ! -e "$f" ]; then
		echo "run.sh: $f is missing; run make bench from the build directory" >&2
		exit 2
	fi
done
export STATUSCODES_DB="$DB"
export LC_ALL="${LC_ALL:-C.UTF-8}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-bench.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

have() { command -v "$1" >/dev/null 2>&1; }

# ---- timing ---------------------------------------------------------------------
TIMER=${BENCH_TIMER:-}
if [ -z "$TIMER" ]; then
	if have hyperfine && hyperfine -N --runs 2 --style none true >/dev/null 2>&1; then
		TIMER=hyperfine
	else
		TIMER=builtin
	fi
fi

# quote ARG...: the arguments as one shell-words string (for hyperfine -N and
# for the commands written into the document).
quote() {
	out=
	for a in "$@"; do
		case $a in
		*[!A-Za-z0-9_./=:,+-]* | '') a="'$(printf '%s' "$a" | sed "s/'/'\\\\''/g")'" ;;
		esac
		out="$out${out:+ }$a"
	done
	printf '%s' "$out"
}

# timeit RUNS CMD...: sets MS (median wall time in ms) and CMDLINE.
timeit() {
	runs=$1; shift
	CMDLINE=$(quote "$@")
	MS=
	if [ "$TIMER" = hyperfine ]; then
		if hyperfine -N -i --style none --warmup 3 --runs "$runs" \
		       --export-json "$tmp/h.json" -- "$CMDLINE" >/dev/null 2>"$tmp/h.err"; then
			MS=$(sed -n 's/^ *"median": *\([0-9.eE+-]*\),*$/\1/p' "$tmp/h.json" |
			     head -n 1 | awk '{ printf "%.2f", $1 * 1000 }')
		fi
	else
		line=$("$B" exec "$runs" "$@" 2>/dev/null)
		MS=$(printf '%s\n' "$line" | sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p' |
		     awk '{ printf "%.2f", $1 }')
	fi
	[ -n "$MS" ] || MS=n/a
}

# key LINE NAME: the value of NAME=... in a key=value line.
key() {
	printf "%s\n" "$1" | sed -n -e "s/^\(.* \)\{0,1\}$2=\"\([^\"]*\)\".*/\2/p" -e t \
	    -e "s/^\(.* \)\{0,1\}$2=\([^\" ][^ ]*\).*/\2/p" | head -n 1
}

# awk helpers for the verdicts
calc() { awk "BEGIN { $1 }"; }

ROWS=$tmp/rows     # benchmark|ours|baselines|target|verdict
CMDS=$tmp/cmds     # the exact commands, for the document
NOTES=$tmp/notes   # misses: by how much and why
: >"$ROWS"; : >"$CMDS"; : >"$NOTES"

row() { printf '%s|%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" "$5" >>"$ROWS"; }
# shellcheck disable=SC2016 # the backquotes are Markdown
cmd() { printf -- '- %s: `%s`\n' "$1" "$2" >>"$CMDS"; }
note() { printf -- '- %s\n' "$1" >>"$NOTES"; }

# verdict_ratio OURS FLOOR MAXRATIO: "ok (1.4x floor)" or "MISSED ...".
verdict_ratio() {
	calc "o = $1; f = $2; m = $3;
	      if (f <= 0) { print \"n/a\"; exit }
	      r = o / f;
	      if (r <= m) { printf \"ok (%.2fx the floor)\", r } else printf \"MISSED: %.2fx the floor, %.2f ms over %gx\", r, o - m * f, m"
}
# verdict_max OURS LIMIT UNIT: "ok" or "MISSED by ...".
verdict_max() {
	calc "o = $1; l = $2;
	      if (o < l) { printf \"ok (%.0f%% of the target)\", 100 * o / l } else printf \"MISSED by %.3g %s (%.1fx the target)\", o - l, \"$3\", o / l"
}
isnum() { case $1 in '' | *[!0-9.]*) return 1 ;; esac; }

echo "statuscodes benchmarks: timer $TIMER, $RUNS runs per command" >&2

# ---- 1. whole process ------------------------------------------------------------
SQL_LOOKUP="SELECT protocol, code, phrase_en, phrase_zh, summary_en, summary_zh, detail_en, detail_zh FROM entry WHERE code = '404'"
SQL_SEARCH="SELECT protocol, code, phrase_en, phrase_zh FROM entry WHERE phrase_en LIKE '%缓存%' OR phrase_zh LIKE '%缓存%' OR summary_en LIKE '%缓存%' OR summary_zh LIKE '%缓存%' OR detail_en LIKE '%缓存%' OR detail_zh LIKE '%缓存%' ORDER BY sort_key"

whole() { # label args... ; sqlite-sql ; grep-word ; hc-args
	label=$1 sql=$2 word=$3 hcargs=$4; shift 4
	echo "  $label" >&2
	timeit "$RUNS" "$SC" "$@"; ours=$MS; cmd "$label" "$CMDLINE"
	base="" floor=""
	if have sqlite3; then
		timeit "$RUNS" sqlite3 -readonly "$DB" "$sql"; floor=$MS
		cmd "floor for $label" "$CMDLINE"
		base="sqlite3 $floor ms"
	else
		base="sqlite3 n/a (not installed)"
	fi
	timeit "$RUNS" grep -r "$word" "$srcdir/db/sources"
	cmd "grep for $label" "$CMDLINE"
	base="$base; grep -r $MS ms"
	if have hc; then
		# shellcheck disable=SC2086
		timeit "$RUNS" hc $hcargs
		cmd "hc for $label" "$CMDLINE"
		base="$base; hc $hcargs $MS ms"
	else
		base="$base; hc n/a (httpcode not installed)"
	fi
	if [ "${startup:-0}" = 1 ]; then
		timeit "$RUNS" "$SC" --version
		cmd "startup only" "$CMDLINE"
		base="$base; statuscodes --version (no database) $MS ms"
	fi
	if isnum "$ours" && isnum "$floor"; then
		v=$(verdict_ratio "$ours" "$floor" 2)
		target=$(calc "printf \"<= 2x sqlite3 (%.2f ms)\", 2 * $floor")
	else
		v=n/a target="<= 2x sqlite3"
	fi
	row "$label, median" "$ours ms" "$base" "$target" "$v"
	case $v in MISSED*)
		note "$label: $v. A process that opens the database and answers with SQL differs from the sqlite3 shell in what it does before the query: see *Why* below." ;;
	esac
}
startup=1 whole "statuscodes 404" "$SQL_LOOKUP" 404 404 404
startup=0
whole "statuscodes search 缓存" "$SQL_SEARCH" 缓存 "-s cache" search 缓存

# ---- 2. in process: every prefix as typed -----------------------------------------
# as many hits as the browser asks for (its SEARCH_LIMIT), and for context
# as many as `statuscodes search` shows by default (20)
LIMIT=$(sed -n 's/^#define SEARCH_LIMIT *\([0-9][0-9]*\).*/\1/p' "$srcdir"/src/tui/*.c 2>/dev/null | head -n 1)
LIMIT=${BENCH_LIMIT:-${LIMIT:-100}}
echo "  search latency, real database" >&2
line=$(BENCH_LIMIT=$LIMIT "$B" latency "$DB" "$REPEAT")
cmd "in process, real database" "BENCH_LIMIT=$LIMIT $(quote "$B" latency "$DB" "$REPEAT")"
line20=$(BENCH_LIMIT=20 "$B" latency "$DB" "$REPEAT")
cmd "in process, real database, 20 hits" "BENCH_LIMIT=20 $(quote "$B" latency "$DB" "$REPEAT")"
med=$(key "$line" median_ms); p99=$(key "$line" p99_ms)
if isnum "$p99"; then
	v=$(verdict_max "$p99" 1 ms)
	row "search as typed, $(key "$line" prefixes) prefixes of 20 queries, $LIMIT hits (the browser's limit), real db ($(sqlite3 -readonly "$DB" 'SELECT count(*) FROM entry' 2>/dev/null || echo '~280') entries)" \
	    "median $med ms, p99 $p99 ms" "slowest prefix \"$(key "$line" worst)\" $(key "$line" worst_ms) ms; with 20 hits (the CLI's default): median $(key "$line20" median_ms) ms, p99 $(key "$line20" p99_ms) ms" "p99 < 1 ms" "$v"
	case $v in MISSED*) note "search on the real database: $v; slowest prefix \"$(key "$line" worst)\" ($(key "$line" worst_ms) ms, $(key "$line" worst_hits) hits). Short prefixes match most entries, and each of the $LIMIT hits is loaded and given a snippet: see *Why* below." ;; esac
else
	row "search as typed, real db" "n/a" "" "p99 < 1 ms" "n/a (bench_search failed)"
fi

# gen_db KIND N: the generated database of N entries (pessimistic: the real
# sentences recombined; zipf: a Zipf vocabulary), made when missing or older
# than the real database or the helper; sets GENDB.
gen_db() {
	GENDB=$builddir/tests/bench/bench_gen-$1-$2.db   # bench_*: ignored by git
	if [ ! -s "$GENDB" ] || [ -n "$(find "$DB" "$B" -newer "$GENDB" 2>/dev/null)" ]; then
		echo "  generating $GENDB ($2 entries, $1; kept for the next run)" >&2
		zarg=; [ "$1" = zipf ] && zarg=zipf
		# shellcheck disable=SC2086
		"$B" generate "$DB" "$GENDB" "$2" $zarg >"$tmp/gen.out" || { cat "$tmp/gen.out" >&2; rm -f "$GENDB"; }
	fi
	cmd "generated database ($1, $2 entries)" "$(quote "$B" generate "$DB" "$GENDB" "$2") ${zarg:-}"
}

# latency_row KIND N: search as typed on that generated database; sets P99.
latency_row() {
	gen_db "$1" "$2"
	P99=
	echo "  search latency, $2 entries ($1)" >&2
	if [ -s "$GENDB" ] && line=$(BENCH_LIMIT=$LIMIT "$B" latency "$GENDB" "${BENCH_REPEAT_LARGE:-5}"); then
		cmd "in process, $2 entries ($1)" "BENCH_LIMIT=$LIMIT $(quote "$B" latency "$GENDB" "${BENCH_REPEAT_LARGE:-5}")"
		med=$(key "$line" median_ms); P99=$(key "$line" p99_ms)
		v=$(verdict_max "$P99" 10 ms)
		row "search as typed, same prefixes, $LIMIT hits, generated db ($2 entries, $1 vocabulary)" \
		    "median $med ms, p99 $P99 ms" "slowest prefix \"$(key "$line" worst)\" $(key "$line" worst_ms) ms" "p99 < 10 ms" "$v"
		case $v in MISSED*) note "search at $2 entries ($1): $v; slowest prefix \"$(key "$line" worst)\" ($(key "$line" worst_ms) ms): see *Why* below." ;; esac
	else
		row "search as typed, generated db ($2 entries, $1)" "n/a" "" "p99 < 10 ms" "n/a (generation failed)"
	fi
}

for kind in pessimistic zipf; do
	latency_row "$kind" "$ENTRIES"
	p99_small=$P99
	# BENCH_ENTRIES_LARGE (say 1000000): growth from ENTRIES to that size
	if [ -n "${BENCH_ENTRIES_LARGE:-}" ]; then
		latency_row "$kind" "$BENCH_ENTRIES_LARGE"
		if isnum "$p99_small" && isnum "$P99"; then
			g=$(calc "printf \"%.2f\", $P99 / $p99_small")
			v=$(calc "if ($g < 3) printf \"ok\"; else printf \"MISSED (%.1fx)\", $g")
			row "growth of search p99 from $ENTRIES to $BENCH_ENTRIES_LARGE entries ($kind)" "${g}x" "a scan would grow 10x" "far below 10x (< 3x)" "$v"
		fi
	fi
done
gen_db pessimistic "$ENTRIES"
GEN=$GENDB

# ---- 2a. no scan where a user waits: the same commands at ENTRIES entries ------------
echo "  statuscodes 404 and the first frame at $ENTRIES entries" >&2
if [ -s "$GEN" ] && line=$("$B" ab "${BENCH_AB_RUNS:-20}" "$DB" "$GEN" "$SC" 404); then
	cmd "statuscodes 404, real db (A) and $ENTRIES entries (B), interleaved" "$(quote "$B" ab "${BENCH_AB_RUNS:-20}" "$DB" "$GEN" "$SC" 404)"
	r=$(key "$line" ratio)
	v=$(calc "if ($r <= 2) printf \"ok (%.2fx)\", $r; else printf \"MISSED: %.2fx\", $r")
	row "statuscodes 404 at $ENTRIES entries against the real db, interleaved A/B, medians" \
	    "$(key "$line" median_b_ms) ms" "real db $(key "$line" median_a_ms) ms" "<= 2x the real db" "$v"
	case $v in MISSED*) note "statuscodes 404 at $ENTRIES entries: $v; the generated database gives 404 hundreds of sub-status codes, and show lists every one of them." ;; esac
fi
if [ -s "$GEN" ]; then
	line=$(STATUSCODES_DB=$GEN "$B" pty "${BENCH_TUI_RUNS:-20}" "$TUI_TEXT" "$SC")
	cmd "browser at $ENTRIES entries" "STATUSCODES_DB=$GEN $(quote "$B" pty "${BENCH_TUI_RUNS:-20}" "$TUI_TEXT" "$SC")"
	if [ "$(key "$line" na)" = 0 ]; then
		med=$(key "$line" median_ms)
		v=$(verdict_max "$med" 30 ms)
		row "browser at $ENTRIES entries: start to first complete frame, median" "$med ms" "" "< 30 ms" "$v"
		case $v in MISSED*) note "browser start at $ENTRIES entries: $v." ;; esac
	fi
fi

# ---- 2b. relevance: the judged query set ---------------------------------------------
JUDGED=$srcdir/tests/search/judged.tsv
echo "  relevance, judged queries" >&2
if line=$("$B" judge "$DB" "$JUDGED"); then
	cmd "relevance over the judged queries" "$(quote "$B" judge "$DB" "$JUDGED")"
	mrr=$(key "$line" mrr); nd=$(key "$line" ndcg5)
	v=$(calc "m = $mrr; if (m >= 0.9) printf \"ok\"; else printf \"MISSED by %.3f\", 0.9 - m")
	kinds=""
	for k in en zh mixed typo paste short; do
		km=$(key "$line" "mrr_$k")
		[ -n "$km" ] && kinds="$kinds${kinds:+; }$k $km/$(key "$line" "ndcg5_$k") ($(key "$line" "n_$k"))"
	done
	row "search relevance, $(key "$line" queries) judged queries (tests/search/judged.tsv), 20 hits, real db" \
	    "MRR $mrr, nDCG@5 $nd" "MRR/nDCG@5 by kind: $kinds; queries with no hit: $(key "$line" no_hits)" "MRR >= 0.9" "$v"
	case $v in MISSED*) note "relevance: $v; BENCH_VERBOSE=1 $(quote "$B" judge "$DB" "$JUDGED") lists the queries whose right answer is not first." ;; esac
else
	row "search relevance, judged queries" "n/a" "" "MRR >= 0.9" "n/a (bench_search judge failed)"
fi

# ---- 3 and 5b. the browser's first frame and its memory ------------------------------
echo "  browser first frame" >&2
line=$("$B" pty "${BENCH_TUI_RUNS:-20}" "$TUI_TEXT" "$SC")
cmd "browser" "$(quote "$B" pty "${BENCH_TUI_RUNS:-20}" "$TUI_TEXT" "$SC")"
tui_rss=
if [ "$(key "$line" na)" = 0 ]; then
	med=$(key "$line" median_ms)
	v=$(verdict_max "$med" 30 ms)
	row "browser: start to first complete frame in a 100x30 pty, median" "$med ms" "" "< 30 ms" "$v"
	case $v in MISSED*) note "browser start: $v." ;; esac
	tui_rss=$(key "$line" maxrss_kib)
elif [ "$(key "$line" not_built)" = 1 ]; then
	row "browser: start to first complete frame" "n/a (browser not built)" "" "< 30 ms" "n/a (browser not built)"
else
	row "browser: start to first complete frame" "n/a (no frame showing \"$TUI_TEXT\"; exit $(key "$line" status))" "" "< 30 ms" "n/a"
fi

# ---- 4. building the database -------------------------------------------------------
echo "  building the database" >&2
set --
for f in "$srcdir"/db/sources/*.txt; do set -- "$@" "$f"; done
timeit "${BENCH_BUILD_RUNS:-10}" "$MKDB" -r "$tmp/report.txt" -c "$srcdir/db/curated" -o "$tmp/build.db" "$@"
cmd "database build" "$CMDLINE"
if isnum "$MS"; then
	v=$(verdict_max "$MS" 300 ms)
	row "build the database from db/curated and $# documents (sc-mkdb), median" "$MS ms" "" "< 300 ms" "$v"
	case $v in MISSED*) note "database build: $v." ;; esac
else
	row "build the database (sc-mkdb)" "n/a" "" "< 300 ms" "n/a (sc-mkdb failed)"
fi

# ---- 5. peak memory ---------------------------------------------------------------------
echo "  peak memory" >&2
mib() { calc "printf \"%.1f\", $1 / 1024"; }
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
	RSSHOW="/usr/bin/time -v"
else
	RSSHOW="getrusage (bench_search exec)"
fi
rss_of() { # CMD...: peak RSS in KiB
	if [ "$RSSHOW" = "/usr/bin/time -v" ]; then
		/usr/bin/time -v -o "$tmp/time.out" "$@" >/dev/null 2>&1 </dev/null
		sed -n 's/.*Maximum resident set size (kbytes): *\([0-9]*\).*/\1/p' "$tmp/time.out"
	else
		key "$("$B" exec 1 "$@")" maxrss_kib
	fi
}
r=$(rss_of "$SC" 404)
cmd "peak memory, lookup ($RSSHOW)" "$(quote "$SC" 404)"
base=
if have sqlite3; then base="sqlite3 $(mib "$(rss_of sqlite3 -readonly "$DB" "$SQL_LOOKUP")") MiB"; fi
if have hc; then base="$base${base:+; }hc 404 $(mib "$(rss_of hc 404)") MiB"; fi
if isnum "$r"; then
	v=$(verdict_max "$(mib "$r")" 10 MiB)
	row "peak memory (max RSS) of statuscodes 404" "$(mib "$r") MiB" "$base" "< 10 MiB" "$v"
	case $v in MISSED*) note "memory of a lookup: $v." ;; esac
fi
if isnum "$tui_rss"; then
	v=$(verdict_max "$(mib "$tui_rss")" 10 MiB)
	row "peak memory (max RSS) of the browser, start to q" "$(mib "$tui_rss") MiB" "" "< 10 MiB" "$v"
	case $v in MISSED*) note "memory of the browser: $v." ;; esac
else
	row "peak memory (max RSS) of the browser" "n/a (browser not built)" "" "< 10 MiB" "n/a"
fi

# ---- the table -------------------------------------------------------------------------
table() {
	echo "| benchmark | ours | baseline(s) | target | verdict |"
	echo "|---|---|---|---|---|"
	awk -F'|' '{ printf "| %s | %s | %s | %s | %s |\n", $1, $2, ($3 == "" ? "–" : $3), $4, $5 }' "$ROWS"
}
echo
table
if [ -s "$NOTES" ]; then echo; cat "$NOTES"; fi

# ---- the document ----------------------------------------------------------------------
[ "$DOC" = none ] && exit 0
rev=$(git -C "$srcdir" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$srcdir" status --porcelain --untracked-files=no 2>/dev/null | head -n 1)
cpu=$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -n 1)
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?')
sqlv=$(sqlite3 --version 2>/dev/null | cut -d' ' -f1)
{
	echo "<!-- figures:begin (written by tests/bench/run.sh; edits here are overwritten) -->"
	echo "## Figures"
	echo
	echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`make bench\` on commit $rev${dirty:+ (with local changes)};"
	echo "${cpu:-unknown CPU}, $ncpu CPUs, $(uname -sr); sqlite3 shell ${sqlv:-not installed};"
	echo "whole processes timed with $TIMER ($RUNS runs after 3 warm-ups), medians in ms."
	echo
	table
	echo
	if [ -s "$NOTES" ]; then
		echo "Targets missed in this run:"
		echo
		cat "$NOTES"
		echo
	fi
	echo "The commands (STATUSCODES_DB=$DB):"
	echo
	cat "$CMDS"
	echo "<!-- figures:end -->"
} >"$tmp/figures"

if [ -f "$DOC" ] && grep -q '^<!-- figures:begin' "$DOC" && grep -q '^<!-- figures:end' "$DOC"; then
	awk -v f="$tmp/figures" '
		/^<!-- figures:begin/ { while ((getline l < f) > 0) print l; skip = 1; next }
		/^<!-- figures:end/ { skip = 0; next }
		!skip { print }' "$DOC" >"$tmp/doc"
else
	{ echo "# Performance"; echo; cat "$tmp/figures"; } >"$tmp/doc"
fi
if cat "$tmp/doc" >"$DOC" 2>/dev/null; then
	echo >&2
	echo "run.sh: figures written to $DOC" >&2
else
	echo "run.sh: cannot write $DOC; the figures are above" >&2
fi
exit 0
