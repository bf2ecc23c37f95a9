#!/bin/sh
# mut-cli5.sh: command-line tests written against survivors of the seed-47
# mutation sample (docs/TESTING.md, make check-mutants), each seen failing
# on its mutant and passing without it.
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
export LC_ALL=C.UTF-8

# An FTP reply the protocol does not define (599) is "not a valid status
# code", as an HTTP 600 is; the fallback to the class's x00 entry is
# HTTP's alone: FTP's 500 is a syntax error, not "some 5xx". Kills
# src/explain/resolve.c:73 dropping `http &&` (599 read as FTP 500).
printf '220 ready\r\nUSER bob\r\n331 password please\r\nPASS x\r\n599 odd\r\n' >"$tmp/ftp.txt"
run --db "$refdb" explain "$tmp/ftp.txt"
check "ftp 599: status 0 ($rc)" [ "$rc" = 0 ]
check "ftp 599: not a valid status code" grep -q "^ftp	599	Not a valid status code	" "$tmp/out"
check "ftp 599: not read as FTP 500" sh -c '! grep -q "^ftp	599	Syntax error" "$1"' sh "$tmp/out"
run --db "$refdb" explain --json "$tmp/ftp.txt"
check "ftp 599 --json: the rule is rule-invalid, with no entry" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))[0]
c = [c for c in d["codes"] if c["code"] == "599"][0]
sys.exit(0 if c["entry"] is None and c["rule"]["id"] == "rule-invalid" else 1)' "$tmp/out"

# Apache writes a backslash in the request line as \\ and a quote as \":
# a request line that ends in an escaped backslash ("GET /a\\") ends at the
# quote after it, and its line is read like any other. Kills
# src/explain/logs.c:41 `q - 2 >= rb + 3` to `<` (the quote taken for an
# escaped one: the line unread, its 400 lost).
{
	printf '%s\n' '1.2.3.4 - - [02/Dec/2026:10:00:00 +0000] "GET /ok HTTP/1.1" 200 12 "-" "curl/8"'
	printf '%s\n' '1.2.3.4 - - [02/Dec/2026:10:00:01 +0000] "GET /a\\" 400 226 "-" "curl/8"'
} >"$tmp/access.log"
run --db "$refdb" explain --json "$tmp/access.log"
check "a request line ending in an escaped backslash: an access log, both lines with a status" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))[0]
codes = {c["code"]: c["count"] for c in d["codes"]}
sys.exit(0 if d["kind"] == "ncsa-log" and d["with_status"] == 2 and d["without_status"] == 0
         and codes == {"200": 1, "400": 1} else 1)' "$tmp/out"

# --json says what a WebSocket close code's range means, as the terminal
# report does: 3000-3999 registered, 4000-4999 private, nothing below 3000
# or for a code registered on its own (3003).
printf 'close code 2999\nclose code 3003\nclose code 3999\nclose code 4001\n' >"$tmp/ws.txt"
run --db "$refdb" explain --json "$tmp/ws.txt"
check "explain --json: the range of 2999, 3003, 3999 and 4001" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))[0]
got = {c["code"]: c["range"] and c["range"]["id"] for c in d["codes"]}
sys.exit(0 if got == {"2999": None, "3003": None, "3999": "ws-registered", "4001": "ws-private"} else 1)' "$tmp/out"

# A database made by another tool may leave an entry's status NULL (ours
# says NOT NULL): the head then has no status part, not an empty one
# between two bars.
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$refdb" "$tmp/nostatus.db"
	chmod u+w "$tmp/nostatus.db"
	sqlite3 "$tmp/nostatus.db" "PRAGMA writable_schema = ON;
	  UPDATE sqlite_master SET sql = replace(sql, 'status   TEXT NOT NULL', 'status   TEXT') WHERE name = 'entry';"
	sqlite3 "$tmp/nostatus.db" "UPDATE entry SET status = NULL WHERE protocol = 'http' AND code = '404'"
	run --db "$tmp/nostatus.db" --lang en 404
	check "no status: status 0 ($rc)" [ "$rc" = 0 ]
	check "no status: the class line without an empty status" \
		sh -c '[ "$(sed -n 2p "$1")" = "  4xx Client Error  |  RFC 9110 §15.5.5" ]' sh "$tmp/out"
else
	ok "an entry with no status # SKIP no sqlite3"
fi

# An unknown letter in a cluster of short options is named alone: -jz says
# '-z', not '-jz'. Kills src/cli/args.c:234 `optopt_ > 0` to `<= 0`
# (seed 59: the whole cluster named).
run -jz 404
check "-jz: status 2 ($rc)" [ "$rc" = 2 ]
check "-jz: unknown option '-z'" grep -q "unknown option '-z'" "$tmp/err"

# A curated table with an "en" column but no "zh" is no glossary: sc-mkdb
# refuses it by name and writes nothing. Kills src/import/curated.c:161
# dropping `&& tsv_col(t, "zh") >= 0` (seed 59: read as a glossary).
# The same for a table with a vendor column but no spec_match (kills
# src/import/curated.c:165 dropping `&& tsv_col(t, "spec_match") >= 0`:
# read as the vendors' table).
printf '# HTTP\n\n| Code | Reason |\n|---|---|\n| 404 | Not Found |\n' >"$tmp/one.md"
for head in "en	note" "vendor	note"; do
	rm -rf "$tmp/cur" "$tmp/cur.db"
	cp -r "$src/tests/data/curated" "$tmp/cur"
	printf '%s\nhello\tworld\n' "$head" >"$tmp/cur/extra.tsv"
	"$build/src/sc-mkdb" -o "$tmp/cur.db" -c "$tmp/cur" "$tmp/one.md" </dev/null >/dev/null 2>"$tmp/mkdb.err"
	rc=$?
	what="curated table with columns \"$(printf '%s' "$head" | tr '\t' ' ')\""
	check "$what: refused ($rc)" [ "$rc" -ne 0 ]
	check "$what: named in the message" grep -q "extra.tsv: columns of no known curated table" "$tmp/mkdb.err"
	check "$what: no database written" [ ! -e "$tmp/cur.db" ]
done

# A Chinese query that is an entry's whole Chinese phrase finds that entry
# first, as a whole English phrase does: 已创建 is 201 Created (before FTP
# 257's 已创建路径名), 使用代理 is 305 Use Proxy (before 306), 文件状态 is FTP
# 213. Kills src/store/search.c:334 dropping `|| strcmp(q, zh) == 0` (seed
# 59: a longer phrase that holds the words ranked first).
for pair in "已创建 201" "使用代理 305" "文件状态 213" "已接受 202"; do
	q=${pair% *} want=${pair#* }
	run --db "$refdb" search -n 1 --format=line "$q"
	check "search $q: $want first" grep -Eq "^(FTP )?$want  " "$tmp/out"
done

# vsftpd's log quotes a reply ("530 Login incorrect."): the reply's text is
# what is inside the quotes; a line cut before the closing quote keeps all
# it has. Kills src/explain/recog.c:145 `q[k - 1] == '"'` to `!=` (seed
# 59: the quote kept, the last letter of a cut line dropped).
{
	printf '%s\n' 'May  1 10:00:00 host vsftpd[12]: [bob] FTP response: Client "::1", "530 Login incorrect."'
	printf '%s\n' 'May  1 10:00:01 host vsftpd[12]: [bob] FTP response: Client "::1", "230 Login successful'
} >"$tmp/vsftpd.log"
run --db "$refdb" explain --json "$tmp/vsftpd.log"
check "vsftpd log: the replies' text without quotes, a cut line whole" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))[0]
got = [(i["code"], i["text"]) for i in d["items"]]
sys.exit(0 if got == [("530", "Login incorrect."), ("230", "Login successful")] else 1)' "$tmp/out"

# An HTML document is one with a <table tag: a "<table" cut at the very end
# of the file is no tag, and a file with cells but no other table is not
# read as HTML (status 4, the formats listed). Kills
# src/import/fmt_html.c:24 `> 6` to `>= 6` (seed 59: read as an HTML table
# with no row).
cp "$refdb" "$tmp/imp.db"
chmod u+w "$tmp/imp.db"
printf '<p>codes</p><td>200</td><td>OK</td>\n<table' >"$tmp/cut.html"
run --db "$tmp/imp.db" import "$tmp/cut.html"
check "a <table cut at the end: status 4 ($rc)" [ "$rc" = 4 ]
check "a <table cut at the end: not a format statuscodes can read" grep -q "not a document format" "$tmp/err"

# An apostrophe inside a word keeps the word whole: "it's gone" is two
# words and finds 410 Gone first; "don't cache" finds 304 Not Modified
# first. Kills src/store/search_plan.c:392 dropping `&& ch != '\''` (seed
# 59: "it" and "s" searched as words of their own, 404 and FTP 425 first).
run --db "$refdb" search -n 1 --format=line "it's gone"
check "search it's gone: 410 first" grep -q "^410  Gone" "$tmp/out"
run --db "$refdb" search -n 1 --format=line "don't cache"
check "search don't cache: 304 first" grep -q "^304  Not Modified" "$tmp/out"
check "search don't cache: two words" grep -q "all 2 words" "$tmp/err"

# A user database whose study table cannot be read (a column renamed: a
# damaged or foreign file) is said to be unreadable, status 3, for quiz
# and quiz --stats; never statistics of nothing studied, never a quiz as
# if new. Found through the seed-59 survivor src/store/userdata.c:474
# (`return -1` to `return 0`: no caller looked at the failure).
if command -v sqlite3 >/dev/null 2>&1; then
	keep_xdg=${XDG_DATA_HOME-}
	export XDG_DATA_HOME="$tmp/xdg"
	mkdir -p "$XDG_DATA_HOME"
	run --db "$refdb" quiz --stats
	check "a new user database: quiz --stats works ($rc)" [ "$rc" = 0 ]
	sqlite3 "$XDG_DATA_HOME/statuscodes/user.db" "ALTER TABLE study_card RENAME COLUMN rights TO r2"
	for args in "quiz --stats" "quiz --stats --json" "quiz --count 1"; do
		# shellcheck disable=SC2086
		run --db "$refdb" $args
		check "unreadable study table: $args: status 3 ($rc)" [ "$rc" = 3 ]
		check "unreadable study table: $args: nothing on stdout" [ ! -s "$tmp/out" ]
		check "unreadable study table: $args: one line says so" \
			sh -c '[ "$(wc -l <"$1")" = 1 ] && grep -q "study progress cannot be read" "$1"' sh "$tmp/err"
	done
	XDG_DATA_HOME=$keep_xdg
else
	ok "an unreadable study table # SKIP no sqlite3"
fi

# -n N is the first N rows of the default list, for every judged query
# (tests/search/judged.tsv) and N of 1 and 3: a small limit ranks as many
# hits as the default before it cuts (it ranked only N, and
# "search -n 1 已创建" gave FTP 257 where the list starts with 201).
grep -v '^#' "$src/tests/search/judged.tsv" | cut -f2 | while IFS= read -r q; do
	[ -n "$q" ] || continue
	"$bin" --db "$refdb" search -n 20 --format=line -- "$q" </dev/null >"$tmp/all" 2>/dev/null
	for n in 1 3; do
		"$bin" --db "$refdb" search -n "$n" --format=line -- "$q" </dev/null >"$tmp/some" 2>/dev/null
		head -n "$n" "$tmp/all" | cmp -s - "$tmp/some" || echo "$q (-n $n)"
	done
done >"$tmp/not-prefix"
fail_show=$tmp/not-prefix
check "-n 1 and 3 are the first rows of -n 20 for every judged query" [ ! -s "$tmp/not-prefix" ]
fail_show=

tests_done
