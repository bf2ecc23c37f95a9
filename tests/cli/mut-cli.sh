#!/bin/sh
# Checks written against survivors of mutation testing (docs/TESTING.md):
# each is something a user or a maintainer would notice, and names the
# mutant it was seen to kill.
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
mkdb=$build/src/sc-mkdb
export LC_ALL=C.UTF-8
fail_show=$tmp/err fail_lines=5
says() { grep -q -- "$1" "$tmp/err"; }

# A unique abbreviation of an option that takes no value, given a value:
# the message says so (and does not call it ambiguous); status 2.
# Kills src/cli/args.c:215 dropping `matches > 1 &&`.
run --jso=1 404
check "--jso=1: status 2 ($rc)" [ "$rc" -eq 2 ]
check "--jso=1: 'option '--jso' takes no value'" says "option '--jso' takes no value"
check "--jso=1: not called ambiguous" eval '! says ambiguous'
# a prefix of two options is ambiguous (--l: --lang, --limit, ...)
run --l=x 404
check "--l=x: status 2 ($rc)" [ "$rc" -eq 2 ]
check "--l=x: 'option '--l' is ambiguous'" says "option '--l' is ambiguous"

# sc-mkdb (the build's database maker) without its curated directory is a
# usage error that writes nothing. Kills src/mkdb.c:51 dropping `!curated ||`.
set -- "$src"/db/sources/*
"$mkdb" -o "$tmp/x.db" "$1" </dev/null >/dev/null 2>"$tmp/err"
rc=$?
check "sc-mkdb without -c: status 2 ($rc)" [ "$rc" -eq 2 ]
check "sc-mkdb without -c: usage names -c" says "-c CURATED_DIR"
check "sc-mkdb without -c: no database written" eval '[ ! -e "$tmp/x.db" ] && [ ! -e "$tmp/x.db.tmp" ]'

# A search whose words are all in five or more entries lists those only:
# entries with just one of the words are not appended to fill the default
# 20 rows (that fill is for searches with few full matches). Kills
# src/store/search.c:433 dropping `n < SEARCH_FEW &&`.
run search request timeout
rows=$(wc -l <"$tmp/out")
check "search request timeout: status 0 ($rc)" [ "$rc" -eq 0 ]
check "search request timeout: 408 first" eval 'head -1 "$tmp/out" | cut -f2 | grep -qx 408'
check "search request timeout: 5 to 19 rows, no partial fill ($rows)" eval '[ "$rows" -ge 5 ] && [ "$rows" -lt 20 ]'
# and with fewer than five full matches the partial ones do follow
run search request zzzzunknownword
check "search request zzzzunknownword: partial matches listed ($rc)" eval '[ "$rc" -eq 0 ] && [ -s "$tmp/out" ]'

# explain: a sub-status .0 that is not listed means its main code (IIS
# writes 401.0 for plain 401), not the class. Kills src/explain/resolve.c:60
# `>=` to `>` (sub-status 0 went to the class: "Bad Request, treated as 400").
printf '401.0\n' | ${SC_VALGRIND:-} "$bin" explain - >"$tmp/out" 2>"$tmp/err"
rc=$?
check "explain 401.0: status 0 ($rc)" [ "$rc" -eq 0 ]
check "explain 401.0: read as 401 Unauthorized" eval 'cut -f3,4 "$tmp/out" | grep -q "^401\.0	Unauthorized"'

# quiz: an answer is a choice's number or its text; "21" is neither (with
# four choices) and is wrong, where "2" is right. Kills
# src/study/question.c:468 dropping `strlen(in) == 1 &&` ("21" taken as 2).
quiz1() {
	XDG_DATA_HOME=$tmp/q$1 STATUSCODES_NOW=1700000000 TZ=UTC \
		"$bin" quiz --count 1 --seed 7 --lang en --new 4 >"$tmp/out" 2>"$tmp/err"
}
printf '2\n' | quiz1 a
check "quiz: the first question's right choice is 2" eval 'grep -qx "right" "$tmp/out" && grep -q "^  HTTP 401$" "$tmp/out"'
printf '21\n' | quiz1 b
check "quiz: '21' is not choice 2" eval 'grep -q "^wrong: 2) HTTP 401 Unauthorized" "$tmp/out"'

tests_done
