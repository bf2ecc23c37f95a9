#!/bin/sh
# zh.sh: under --lang zh the command line speaks Chinese in its own voice:
# headings of tables and the messages of every layer (issue 14 item 4).
set -u
bin=${SC_BUILDDIR:-.}/src/statuscodes
tmp=$(mktemp -d /tmp/sc-zh-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
export LANG=C.UTF-8 NO_COLOR=1
unset LC_ALL STATUSCODES_LANG
ok() { echo "ok - $*"; pass=$((pass + 1)); }
not_ok() { echo "not ok - $*"; fail=$((fail + 1)); }
check() { d=$1; shift; if "$@"; then ok "$d"; else not_ok "$d"; fi; }

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

echo "# $pass passed, $fail failed"
[ "$fail" -eq 0 ]
