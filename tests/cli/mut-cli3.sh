#!/bin/sh
# Checks written against survivors of the mutation sample of 2026-12-02
# (docs/TESTING.md): each names the mutant it was seen to kill.
command -v script >/dev/null 2>&1 || { echo "1..0 # SKIP script(1) is not installed"; exit 77; }
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
export LC_ALL=C.UTF-8
fail_show=$tmp/out fail_lines=8
# statuscodes ARGS on a terminal (a pty from script(1)), 100 columns;
# stdout and stderr into $tmp/out, the status into rc.
tty_run() {
	SC_BIN=$bin script -qec "stty rows 50 cols 100; \${SC_VALGRIND:-} \"\$SC_BIN\" --no-pager $*; echo \"exit: \$?\"" \
		/dev/null </dev/null | tr -d '\r' >"$tmp/out"
	rc=$(sed -n 's/^exit: //p' "$tmp/out")
}
has() { grep -q -- "$1" "$tmp/out"; }

# One argument that names two entries neither of which has an "also" line
# (WebSocket 1016 lies in the ranges 1016-1999 and 1016-2999): on a
# terminal both are shown in their short form. Kills src/cli/cmd_entry.c:22
# dropping `s &&` (the first entry has no same-number section: a crash).
tty_run show 1016 --lang en
check "show 1016 on a terminal: status 0 ($rc)" [ "$rc" = 0 ]
check "show 1016: WebSocket 1016-1999" has "WebSocket 1016-1999"
check "show 1016: WebSocket 1016-2999" has "WebSocket 1016-2999"

# An import past the file size limit fails where it starts, making the
# working copy beside the database: that is what the message says, and
# nothing is read or reported before it. Kills src/store/store.c:356
# `return -1` to `return 0` in store_copy (the import went on with a broken
# copy and failed later, on its first write, after reading the document).
cp "$refdb" "$tmp/a.db"
printf '| Code | Reason | Meaning |\n|---|---|---|\n| 601 | Mine | My own code. |\n' >"$tmp/mine.md"
( ulimit -f 400; ${SC_VALGRIND:-} "$bin" --db "$tmp/a.db" import "$tmp/mine.md" >"$tmp/out" 2>"$tmp/err" ); rc=$?
cat "$tmp/err" >>"$tmp/out"
check "import past ulimit -f: status 3 ($rc)" [ "$rc" = 3 ]
check "import past ulimit -f: cannot make a working copy" grep -q "a.db: cannot make a working copy: the file size limit was reached" "$tmp/err"
check "import past ulimit -f: nothing read first" eval '! grep -q "read as" "$tmp/out"'

# A comparison without an English note (only the Chinese one), followed in
# the same entry by one with a note: each keeps its own title, the note
# goes with its own group. Kills src/view/entry.c:137 dropping
# `|| !x->note_en` (strcmp with the missing note: a crash).
mkdb=$build/src/sc-mkdb
cp -r "$src/tests/data/curated" "$tmp/cur"
printf 'members\ttitle_en\ttitle_zh\tnote_en\tnote_zh\tsource\n%s\n%s\n' \
	'http:401 http:403	401 vs 403	401 与 403		测试说明：只有中文。	test' \
	'http:401 http:404	401 vs 404	401 与 404	Test note: 404 says nothing about credentials.	测试说明：404 与凭据无关。	test' \
	>"$tmp/cur/confusables-test.tsv"
printf '# HTTP\n\n| Code | Reason |\n|---|---|\n| 404 | Not Found |\n' >"$tmp/doc.md"
"$mkdb" -c "$tmp/cur" -o "$tmp/cmp.db" "$tmp/doc.md" >/dev/null 2>"$tmp/out"
check "sc-mkdb with a comparison without note_en" [ $? = 0 ]
${SC_VALGRIND:-} "$bin" --db "$tmp/cmp.db" show 401 --full --lang en >"$tmp/out" 2>&1; rc=$?
check "show 401 with a comparison without note_en: status 0 ($rc)" [ "$rc" = 0 ]
sed -n '/^Easily confused with/,/^$/p' "$tmp/out" >"$tmp/conf"
printf '%s\n' 'Easily confused with' '  403  Forbidden' '    401 vs 403' '  404  Not Found' '    401 vs 404' \
	'    Test note: 404 says nothing about credentials.' '' >"$tmp/want"
check "show 401: each group its title, the note with its own" cmp -s "$tmp/conf" "$tmp/want"

# The same comparisons with note_en as the first column: a curated table is
# known by its columns wherever they stand. Kills src/import/curated.c:137
# `tsv_col(t, "note_en") >= 0` to `> 0` (not read as comparisons).
awk -F '\t' 'BEGIN { OFS = "\t" } { print $4, $1, $2, $3, $5, $6 }' "$tmp/cur/confusables-test.tsv" >"$tmp/conf.tsv"
mv "$tmp/conf.tsv" "$tmp/cur/confusables-test.tsv"
"$mkdb" -c "$tmp/cur" -o "$tmp/cmp2.db" "$tmp/doc.md" >/dev/null 2>"$tmp/out"
check "sc-mkdb with note_en first" [ $? = 0 ]
${SC_VALGRIND:-} "$bin" --db "$tmp/cmp2.db" show 401 --full --lang en >"$tmp/out" 2>&1
sed -n '/^Easily confused with/,/^$/p' "$tmp/out" >"$tmp/conf"
check "show 401 with note_en first: the same comparisons" cmp -s "$tmp/conf" "$tmp/want"

# sc-mkdb with its curated directory and its output but no document is a
# usage error that writes nothing. Kills src/mkdb.c:51 `optind >= argc` to
# `>` (a database of the curated tables alone was made).
"$mkdb" -c "$tmp/cur" -o "$tmp/none.db" </dev/null >/dev/null 2>"$tmp/out"
check "sc-mkdb without a document: status 2 ($?)" [ $? = 2 ]
check "sc-mkdb without a document: the usage" grep -q "DOCUMENT" "$tmp/out"
check "sc-mkdb without a document: no database" eval '[ ! -e "$tmp/none.db" ] && [ ! -e "$tmp/none.db.tmp" ]'

tests_done
