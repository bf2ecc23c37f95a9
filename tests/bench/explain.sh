#!/bin/sh
# explain.sh: the explain case of `make bench` (issue 10 item 5). Generates a
# combined access log of BENCH_EXPLAIN_LINES lines (default 1,000,000, about
# 110 MB; written to a temporary directory at bench time, never committed),
# then times, interleaved, BENCH_EXPLAIN_RUNS (default 5) runs each of
#   A  statuscodes explain LOG > /dev/null          (piped: the TSV rows)
#   B  awk '{print $9}' LOG | sort | uniq -c > /dev/null   (the floor)
# and, when installed, one run of goaccess on the same log. Reports the
# medians, the ratio A/B (target: at most 1.5) and the peak resident memory
# of statuscodes (GNU time; target: under 16 MiB) on the whole log and on a
# tenth of it, to show that memory stays flat. Figures, not assertions: it
# fails only when something cannot be run.
# Environment: SC_BUILDDIR, BENCH_EXPLAIN_LINES, BENCH_EXPLAIN_RUNS.
set -u
builddir=${SC_BUILDDIR:-$(pwd)}
SC=$builddir/src/statuscodes
export STATUSCODES_DB="${STATUSCODES_DB:-$builddir/db/statuscodes.db}"
export LC_ALL=C
LINES=${BENCH_EXPLAIN_LINES:-1000000}
RUNS=${BENCH_EXPLAIN_RUNS:-5}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sc-bench-explain.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT HUP INT TERM

[ -x "$SC" ] || { echo "explain.sh: $SC is missing; run make bench from the build directory" >&2; exit 2; }

# gen LINES FILE: a combined log with a realistic mix of statuses, paths and agents
gen() {
	awk -v n="$1" 'BEGIN {
		split("200 200 200 200 200 200 200 200 200 200 200 200 304 304 301 302 404 404 403 500 502 503 429 206 401", st, " ")
		split("GET GET GET GET POST GET HEAD GET PUT GET", me, " ")
		split("/ /index.html /api/v2/items /static/app.js /static/site.css /login /search /img/logo.png /feed.xml /robots.txt", pa, " ")
		split("curl/8.5.0|Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0|Wget/1.21.4|python-requests/2.31|Mozilla/5.0 (iPhone) Safari/604.1", ua, "|")
		x = 12345
		for (i = 0; i < n; i++) {
			x = (x * 1103515245 + 12345) % 2147483648
			s = st[1 + x % 25]; m = me[1 + int(x / 25) % 10]; p = pa[1 + int(x / 250) % 10]
			sec = int(i / 12)
			printf "198.51.100.%d - - [01/Dec/2026:%02d:%02d:%02d +0000] \"%s %s?id=%d HTTP/1.1\" %s %d \"-\" \"%s\"\n",
			       x % 250, int(sec / 3600) % 24, int(sec / 60) % 60, sec % 60, m, p, x % 100000,
			       s, x % 50000, ua[1 + int(x / 2500) % 5]
		}
	}' >"$2"
}

ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

log=$tmp/access.log
gen "$LINES" "$log"
gen $((LINES / 10)) "$tmp/tenth.log"
bytes=$(wc -c <"$log")
echo "explain: $LINES lines, $((bytes / 1000000)) MB generated"

a() { "$SC" explain "$log" >/dev/null; }
b() { awk '{print $9}' "$log" | sort | uniq -c >/dev/null; }
a; b   # warm the page cache
: >"$tmp/a"; : >"$tmp/b"
i=0
while [ $i -lt "$RUNS" ]; do
	t0=$(ms); a || { echo "explain.sh: statuscodes explain failed" >&2; exit 1; }; echo $(( $(ms) - t0 )) >>"$tmp/a"
	t0=$(ms); b; echo $(( $(ms) - t0 )) >>"$tmp/b"
	i=$((i + 1))
done
ta=$(median <"$tmp/a") tb=$(median <"$tmp/b")
ratio=$(awk -v a="$ta" -v b="$tb" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }')
echo "explain: statuscodes explain ${ta} ms, awk|sort|uniq -c ${tb} ms (median of $RUNS, interleaved): ${ratio}x (target 1.5x)"

if [ -x /usr/bin/time ]; then
	rss=$(/usr/bin/time -f %M "$SC" explain "$log" 2>&1 >/dev/null | tail -n 1)
	rss10=$(/usr/bin/time -f %M "$SC" explain "$tmp/tenth.log" 2>&1 >/dev/null | tail -n 1)
	echo "explain: peak RSS ${rss} KiB on $LINES lines, ${rss10} KiB on $((LINES / 10)) lines (target under 16384 KiB)"
else
	echo "explain: peak RSS n/a (GNU time not installed)"
fi
if command -v goaccess >/dev/null 2>&1; then
	t0=$(ms)
	goaccess "$log" --log-format=COMBINED -o "$tmp/report.csv" </dev/null >/dev/null 2>&1
	echo "explain: goaccess $(( $(ms) - t0 )) ms (one run, CSV report)"
else
	echo "explain: goaccess n/a (not installed)"
fi
# the answer itself, so that a reader can see what was counted
"$SC" explain "$log" | head -n 5 | sed 's/^/explain:   /'
