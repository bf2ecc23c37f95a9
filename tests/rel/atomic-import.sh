#!/bin/sh
# Imports are atomic (issue 15 items 2, 6, 11): the work is done on a copy
# that is renamed into place, so the file is always the old one byte for
# byte or the new one; --dry-run works in memory and never writes; a file
# size limit ends with a message, not SIGXFSZ; a hot journal left by an
# older program is reported with what to do; import needs --db.
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"
need sqlite3
w=$tmp/w
mkdir "$w"
doc=$tmp/mine.md
{
	printf '| Code | Reason | Meaning |\n|---|---|---|\n'
	i=0
	while [ $i -lt 200 ]; do
		printf '| %d | Mine %d | 我自己的状态码 %d。 |\n' $((600 + i % 99)) $i $i
		i=$((i + 1))
	done
} >"$doc"
cp "$refdb" "$tmp/old.db"

# without --db: refused, the reference database not touched
cp "$refdb" "$tmp/ref.db"
sum0=$(cksum <"$tmp/ref.db")
STATUSCODES_DB=$tmp/ref.db sc import "$doc"
check "import without --db: usage status 2 ($rc)" [ "$rc" -eq 2 ]
check "import without --db: says --db" grep -q -- '--db' "$tmp/err"
check "import without --db: reference database unchanged" [ "$(cksum <"$tmp/ref.db")" = "$sum0" ]

# a dry run on a read-only file in a read-only folder: works, writes nothing
cp "$tmp/old.db" "$w/a.db"
chmod 0444 "$w/a.db"
chmod 0555 "$w"
sc --db "$w/a.db" import --dry-run "$doc"
check "dry run on a read-only database: exit 0 ($rc)" [ "$rc" -eq 0 ]
check "dry run: reports what it would take" grep -q 'dry run: nothing written' "$tmp/out"
chmod 0755 "$w"
chmod 0644 "$w/a.db"
check "dry run: the file byte for byte the same" cmp -s "$w/a.db" "$tmp/old.db"
check "dry run: nothing else in the folder" [ "$(ls -A "$w")" = a.db ]

# a real import: renamed into place, mode kept, nothing left beside it
chmod 0640 "$w/a.db"
sc --db "$w/a.db" import "$doc"
check "import: exit 0 ($rc)" [ "$rc" -eq 0 ]
check "import: nothing left beside the file" [ "$(ls -A "$w")" = a.db ]
check "import: the file's mode is kept" [ "$(stat -c %a "$w/a.db")" = 640 ]
sc --db "$w/a.db" 650
check "import: the new entry is there" grep -q 'Mine' "$tmp/out"
cp "$w/a.db" "$tmp/new.db"

# a file size limit: a message and status 3, not death by SIGXFSZ (153)
cp "$tmp/old.db" "$w/a.db"
( ulimit -f 400; ${SC_VALGRIND:-} "$bin" --db "$w/a.db" import "$doc" >"$tmp/out" 2>"$tmp/err" ); rc=$?
check "ulimit -f: status 3 ($rc)" [ "$rc" -eq 3 ]
check "ulimit -f: says so" grep -q 'file size limit' "$tmp/err"
check "ulimit -f: the file as it was" cmp -s "$w/a.db" "$tmp/old.db"
check "ulimit -f: no copy left behind" [ "$(ls -A "$w")" = a.db ]

# a hot journal from an older program: lookups say what to do
cp "$tmp/old.db" "$w/a.db"
printf 'PRAGMA cache_size = 2;\nBEGIN;\nUPDATE entry SET detail_en = detail_en || zeroblob(200);\n.system sleep 30\n' >"$tmp/hot.sql"
sqlite3 "$w/a.db" <"$tmp/hot.sql" >/dev/null 2>&1 & sq=$!
i=0
while [ $i -lt 100 ] && ! pgrep -P "$sq" >/dev/null; do sleep 0.1; i=$((i + 1)); done
kids=$(pgrep -P "$sq")
kill -KILL "$sq"; wait "$sq" 2>/dev/null
[ -z "$kids" ] || kill $kids 2>/dev/null
if [ -s "$w/a.db-journal" ]; then
	sc --db "$w/a.db" 404
	check "hot journal: status 3 ($rc)" [ "$rc" -eq 3 ]
	check "hot journal: names the journal and what to do" grep -q 'a.db-journal.*rolled back' "$tmp/err"
	check "hot journal: not the bare 'read-only'" lacks 'database is read-only' "$tmp/err"
	sc --db "$w/a.db" import "$doc"
	check "hot journal: an import rolls it back and goes on ($rc)" [ "$rc" -eq 0 ]
	sc --db "$w/a.db" 404
	check "hot journal: lookups work again ($rc)" [ "$rc" -eq 0 ]
else
	echo "ok - # SKIP could not make a hot journal"
fi

# SIGKILL at spread-out moments: always the old file or the new one
kills=${SC_KILLS:-30}
# spread the kills over twice one import's duration, measured here
cp "$tmp/old.db" "$w/a.db"
t0=$(date +%s%N)
"$bin" --db "$w/a.db" import "$doc" >/dev/null 2>&1
span=$(( ($(date +%s%N) - t0) / 1000000 * 2 ))
[ "$span" -gt 0 ] || span=1
old_ok=0 new_ok=0 bad=0 i=0
while [ $i -lt "$kills" ]; do
	cp "$tmp/old.db" "$w/a.db"
	"$bin" --db "$w/a.db" import "$doc" >/dev/null 2>&1 & pid=$!
	ms=$(( i * span / kills ))
	sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
	kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
	if cmp -s "$w/a.db" "$tmp/old.db"; then old_ok=$((old_ok + 1))
	elif cmp -s "$w/a.db" "$tmp/new.db"; then new_ok=$((new_ok + 1))
	else bad=$((bad + 1)); fi
	[ -e "$w/a.db-journal" ] && bad=$((bad + 1))
	i=$((i + 1))
done
echo "# $kills kills spread over ${span} ms: $old_ok old, $new_ok new, $bad other"
check "SIGKILL x$kills: always the old or the new file ($old_ok old, $new_ok new)" [ "$bad" -eq 0 ]
sc --db "$w/a.db" 404
check "after the kills: lookups work ($rc)" [ "$rc" -eq 0 ]
rel_done
