#!/bin/sh
# hostile-db.sh: `make check-hostile` (issue 15). Makes HOSTILE_COPIES
# (default 300) copies of the built reference database with 1 to 32 random
# bits flipped each (seeded by the copy's number, so a run can be
# repeated), runs the main commands on every copy, and fails on any crash
# (a signal, a sanitizer report, a timeout), an exit status the manual does
# not list, or a raw ESC/BEL on stdout or stderr. Meant for a sanitizer
# build (./configure --enable-sanitizers), where a read past a buffer is a
# crash. Prints the figures: copies, runs, statuses seen, failures.
# Environment: SC_BUILDDIR, HOSTILE_COPIES, HOSTILE_SEED (default 1),
# HOSTILE_KEEP=1 keeps the copies that failed (in $SC_BUILDDIR/tests/hostile).
set -u
builddir=${SC_BUILDDIR:-.}
bin=$builddir/src/statuscodes
ref=${STATUSCODES_DB:-$builddir/db/statuscodes.db}
copies=${HOSTILE_COPIES:-300}
seed=${HOSTILE_SEED:-1}
keep=$builddir/tests/hostile
tmp=$(mktemp -d /tmp/sc-hostile-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export LANG=C.UTF-8 NO_COLOR=1 XDG_DATA_HOME="$tmp/xdg"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
size=$(wc -c <"$ref")
printf '| Code | Reason | Meaning |\n|---|---|---|\n| 299 | Mine | 我自己的状态码。 |\n' >"$tmp/doc.md"
printf 'HTTP/1.1 503 Service Unavailable\nRetry-After: 120\n' >"$tmp/head.txt"

# flip DB N SEED: flips N bits of DB at places drawn from SEED
flip() {
	awk -v n="$2" -v s="$3" -v size="$size" 'BEGIN { srand(s); for (i = 0; i < n; i++)
		printf "%d %d\n", int(rand() * size), 2 ^ int(rand() * 8) }' |
	while read -r off mask; do
		b=$(od -An -tu1 -j "$off" -N1 "$1" | tr -d ' ')
		# shellcheck disable=SC2059
		printf "\\$(printf '%03o' $(( b ^ mask )))" | dd of="$1" bs=1 seek="$off" conv=notrunc 2>/dev/null
	done
}

runs=0 bad=0 statuses=
i=1
while [ "$i" -le "$copies" ]; do
	db=$tmp/copy.db
	cp "$ref" "$db"
	flip "$db" $(( (i * 7 + seed) % 32 + 1 )) $(( i * 1000 + seed ))
	sum=$(cksum <"$db")
	for args in "404" "show 403.14" "list 4xx" "search 缓存" "search not found" "compare 401 403" \
	            "sources" "--json 404" "ftp 530" "explain $tmp/head.txt" "import --dry-run $tmp/doc.md"; do
		# shellcheck disable=SC2086
		timeout 20 "$bin" --db "$db" $args </dev/null >"$tmp/out" 2>"$tmp/err"
		rc=$?
		runs=$((runs + 1))
		statuses="$statuses $rc"
		why=
		case $rc in 0|1|2|3|4|70) ;; 124) why="timeout" ;; *) why="status $rc" ;; esac
		if grep -q -E 'ERROR: (Address|Leak|Memory)Sanitizer|runtime error:' "$tmp/err"; then
			why="$why sanitizer: $(grep -m1 -E 'ERROR:|runtime error:' "$tmp/err" | cut -c1-100)"
		fi
		if grep -q "$(printf '[\033\007]')" "$tmp/out" "$tmp/err"; then
			why="$why raw ESC/BEL"
		fi
		if [ -n "$why" ]; then
			bad=$((bad + 1))
			echo "FAIL copy $i (seed $seed): statuscodes $args: $why"
			if [ "${HOSTILE_KEEP:-0}" = 1 ]; then
				mkdir -p "$keep" && cp "$db" "$keep/copy-$i.db"
			fi
		fi
	done
	[ "$(cksum <"$db")" = "$sum" ] || { bad=$((bad + 1)); echo "FAIL copy $i: a command changed the database"; }
	i=$((i + 1))
done
dist=$(echo "$statuses" | tr ' ' '\n' | grep . | sort -n | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }')
echo "check-hostile: $copies copies (1-32 bits flipped, seed $seed) x 11 commands = $runs runs; statuses: $dist; failures: $bad"
[ "$bad" -eq 0 ]
