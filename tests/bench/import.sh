#!/bin/sh
# import.sh: the import-scaling case of `make bench` (issue 15 item 7).
# Imports generated markdown tables of N and 10*N rows (Chinese and English
# phrases, codes repeating as in real documents) into copies of the built
# database, interleaving the two sizes, and compares the medians: linear
# time means 10x the rows costs about 10x; the case fails above 12x.
# Environment: SC_BUILDDIR, BENCH_IMPORT_ROWS (N, default 4000),
# BENCH_IMPORT_RUNS (runs of each size, default 3).
set -u
builddir=${SC_BUILDDIR:-$(pwd)}
SC=$builddir/src/statuscodes
DB=$builddir/db/statuscodes.db
N=${BENCH_IMPORT_ROWS:-4000}
RUNS=${BENCH_IMPORT_RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

gen() { # gen ROWS FILE
	{
		printf '| 代码 | 短语 | Meaning |\n|---|---|---|\n'
		awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
			printf "| %d | 短语%d Phrase %d | 关于状态码%d的说明 Some text about code %d. |\n",
			       100 + i % 500, i, i, i, i }'
	} >"$2"
}
ms() { echo $(( $(date +%s%N) / 1000000 )); }
run() { # run ROWS: prints milliseconds
	cp "$DB" "$tmp/t.db"
	t0=$(ms)
	"$SC" --db "$tmp/t.db" import "$tmp/doc$1.md" >/dev/null || { echo "import of $1 rows failed" >&2; exit 1; }
	echo $(( $(ms) - t0 ))
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

small=$N big=$((N * 10))
gen "$small" "$tmp/doc$small.md"
gen "$big" "$tmp/doc$big.md"
: >"$tmp/s"; : >"$tmp/b"
i=0
while [ $i -lt "$RUNS" ]; do
	run "$small" >>"$tmp/s"
	run "$big" >>"$tmp/b"
	i=$((i + 1))
done
s=$(median <"$tmp/s") b=$(median <"$tmp/b")
ratio=$(awk -v s="$s" -v b="$b" 'BEGIN { printf "%.1f", b / (s > 0 ? s : 1) }')
echo "import: $small rows ${s} ms, $big rows ${b} ms (median of $RUNS, interleaved): ${ratio}x for 10x the rows"
awk -v r="$ratio" 'BEGIN { exit !(r <= 12) }' || { echo "import: FAIL: more than 12x the time for 10x the rows" >&2; exit 1; }
echo "import: ok (at most 12x)"
