#!/bin/sh
# zh.sh: under --lang zh the command line speaks Chinese in its own voice:
# headings of tables and the messages of every layer (issue 14 item 4).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
unset LC_ALL STATUSCODES_LANG

# sources --coverage: the column headings
"$bin" --lang zh sources --coverage >"$tmp/cov" 2>&1; rc=$?
check "sources --coverage --lang zh exits 0" [ "$rc" -eq 0 ]
check "its heading line is Chinese" [ "$(head -1 "$tmp/cov" | tr -s ' ')" = "协议 条目数 英文短语 中文短语 英文摘要 中文摘要 英文详情 中文详情 英文排查 中文排查" ]
check "no field name is left in it" sh -c "! grep -q -e phrase_en -e check_zh -e '^standard' -e '^protocol' '$tmp/cov'"
check "the standard row is 标准" grep -q '^标准 ' "$tmp/cov"
# the columns line up: every row as wide as the heading (display columns)
check "rows are as wide as the heading" python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
rows = [l.rstrip('\n') for l in open(sys.argv[1], encoding='utf-8')][:5]
sys.exit(len({w(r) for r in rows}) != 1)" "$tmp/cov"
"$bin" --lang en sources --coverage >"$tmp/cov-en" 2>&1
check "English keeps the field names" [ "$(head -1 "$tmp/cov-en" | tr -s ' ')" = "protocol entries phrase_en phrase_zh summary_en summary_zh detail_en detail_zh check_en check_zh" ]

# the store's messages: a kind of failure in the catalogue's Chinese, never
# the English words nor SQLite's text; exit 3 for a database that cannot be used
db=$refdb
head -c 1000 "$db" >"$tmp/cut.db"
: >"$tmp/empty.db"
mkdir "$tmp/dir.db"
dbfail() { # NAME DB EXPECTED-CHINESE
	"$bin" --lang zh --db "$2" 404 >"$tmp/out" 2>"$tmp/err"; rc=$?
	check "$1: exit 3" [ "$rc" -eq 3 ]
	check "$1: says $3" grep -qF "$3" "$tmp/err"
	check "$1: no English word in the message" sh -c "! sed 's|$2||' '$tmp/err' | grep -q '[A-Za-z][a-z][a-z]* [a-z][a-z]*'"
}
dbfail "a missing database" "$tmp/none.db" "：找不到数据库"
dbfail "a cut-off database" "$tmp/cut.db" "数据库文件已损坏"
dbfail "an empty database file" "$tmp/empty.db" "：数据库文件是空的"
dbfail "a directory" "$tmp/dir.db" "：是目录，不是数据库"
printf 'not a database at all, just text\n%.0s' 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 >"$tmp/text.db"
dbfail "a text file" "$tmp/text.db" "不是 SQLite 数据库"
"$bin" --lang en --db "$tmp/cut.db" 404 >/dev/null 2>"$tmp/err-en"
check "English keeps its words" grep -qF "the database file is damaged" "$tmp/err-en"

# the command line's own: an unknown code, a bad option, a bad value
"$bin" --lang zh 999 >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown code: exit 1" [ "$rc" -eq 1 ]
check "an unknown code: 没有状态码 999" grep -qF "没有状态码 999；最接近的：" "$tmp/err"
"$bin" --lang zh ftp 999 >/dev/null 2>"$tmp/err"
check "an unknown FTP code: 没有 FTP 状态码 999, spaced around the Latin name" grep -qF "没有 FTP 状态码 999；" "$tmp/err"
"$bin" --lang zh 999 >/dev/null 2>"$tmp/err"
# the closest codes listed the Chinese way: no space after the colon, 、 between
check "the closest codes: 、 between, no space after ：" grep -qE "最接近的：[a-z]+ [0-9]+、[a-z]+ [0-9]+、" "$tmp/err"
"$bin" --lang zh --bogus >/dev/null 2>"$tmp/err"; rc=$?
check "an unknown option: exit 2, in Chinese" sh -c "[ $rc -eq 2 ] && grep -qF '未知的选项“--bogus”' '$tmp/err'"
"$bin" --lang zh --format yaml 404 >/dev/null 2>"$tmp/err"; rc=$?
check "a bad value: exit 2, in Chinese" sh -c "[ $rc -eq 2 ] && grep -qF -e '--format 只接受 text、line 或 json' '$tmp/err'"

# import: the messages about the document, and each finding as it is
# made, in Chinese (as `sources --lang zh` shows the stored one); English
# under --lang en
cp "$db" "$tmp/imp.db"
printf 'garbage\n' >"$tmp/g.txt"
"$bin" --db "$tmp/imp.db" import "$tmp/g.txt" --lang zh >/dev/null 2>"$tmp/err"; rc=$?
check "import of garbage: exit 4" [ "$rc" -eq 4 ]
check "import of garbage: says so in Chinese" grep -qF "g.txt：不是 statuscodes 能读的文档格式（Markdown 表格" "$tmp/err"
"$bin" --db "$tmp/imp.db" import "$tmp/none.md" --lang zh >/dev/null 2>"$tmp/err"
check "import of a missing file: 没有这个文件或目录" grep -qF "none.md：没有这个文件或目录" "$tmp/err"
printf '| Code | Phrase |\n|---|---|\n| 299 | Odd Thing |\n| abc | Nope |\n' >"$tmp/d.md"
"$bin" --db "$tmp/imp.db" import "$tmp/d.md" --lang zh --dry-run >"$tmp/out" 2>&1
check "import --lang zh: the unknown code's finding in Chinese" grep -qF "d.md:3：unknown_code：http 299 不在任何注册表中；作为未核实的条目导入" "$tmp/out"
check "import --lang zh: the rejected line's, with its reason" grep -qF "d.md:4：rejected_line：状态码列中没有状态码：“abc”；未导入" "$tmp/out"
check "import --lang zh: no English sentence" sh -c "! sed 's|$tmp||' '$tmp/out' | grep -q '[a-z][a-z]* [a-z][a-z]* [a-z]'"
"$bin" --db "$tmp/imp.db" import "$tmp/d.md" --lang en --dry-run >"$tmp/out" 2>&1
check "import --lang en: the findings in English" grep -qF "d.md:3: unknown_code: http 299 is in no registry; imported as an unverified entry" "$tmp/out"
check "import --lang en: the rejected line's reason" grep -qF 'd.md:4: rejected_line: no status code in the code column: "abc"; not imported' "$tmp/out"
# sources after a real import of a one-row document: each count with its
# own noun in English ("1 row taken", not "1 rows taken")
printf '| Code | Phrase |\n|---|---|\n| 299 | Odd Thing |\n' >"$tmp/one.md"
"$bin" --db "$tmp/imp.db" import "$tmp/one.md" --lang en >/dev/null 2>&1
"$bin" --db "$tmp/imp.db" sources --lang en >"$tmp/out" 2>&1
check "sources --lang en: 1 row taken, 1 defect found" grep -qF "  3 lines; 1 row taken; 2 claims; 1 defect found" "$tmp/out"
check "sources --lang en: plurals elsewhere" grep -qE "^  [0-9]+ lines; [0-9]+ rows taken; [0-9]+ claims; [0-9]+ defects found" "$tmp/out"
"$bin" --db "$tmp/imp.db" sources --lang zh >"$tmp/out" 2>&1
check "sources --lang zh: the same counts in Chinese" grep -qF "  3 行；导入 1 行；2 条陈述；发现 1 个问题" "$tmp/out"
"$bin" --lang zh explain "$tmp/none.log" >/dev/null 2>"$tmp/err"
check "explain of a missing file: the reason in Chinese" grep -qF "none.log：没有这个文件或目录" "$tmp/err"
"$bin" --lang zh list >/dev/full 2>"$tmp/err"
check "a full disk: in Chinese" grep -qF "无法写出输出：磁盘已满" "$tmp/err"

# search snippets (on a terminal, where they are shown) in the language
# asked for, the match marked [like this] without colour: 304's Chinese
# summary says 缓存 where its English one says "cached"
if script -qc true /dev/null </dev/null >/dev/null 2>&1; then
	snip() { # LANG QUERY: the snippet line under the first hit
		script -qec "stty rows 40 cols 100; '$bin' --no-pager search '$2' --lang $1 -n 1" /dev/null </dev/null |
			tr -d '\r' | sed -n 2p
	}
	has() { case $1 in *"$2"*) return 0;; esac; return 1; }
	check "search 缓存 --lang zh: 304's Chinese summary, 缓存 marked" has "$(snip zh 缓存)" '可直接使用[缓存]副本'
	check "search 缓存 --lang en: its English summary, cached marked" has "$(snip en 缓存)" 'can use its [cached] copy'
	check "search cache --lang zh: Chinese all the same" has "$(snip zh cache)" '可直接使用[缓存]副本'
	out=$(snip zh stylesheet)   # only 103's English summary says it (the Chinese: 样式表)
	check "search stylesheet --lang zh: 103's Chinese, unmarked" has "$out" '预加载提示'
	check "search stylesheet --lang zh: no English, no mark" sh -c "! printf '%s' '$out' | grep -q -e stylesheet -e '\['"
else
	ok "search snippets # SKIP script(1) not available"
fi

tests_done
