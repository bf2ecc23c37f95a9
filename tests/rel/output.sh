#!/bin/sh
# Output (issue 15 items 8, 12, 13): a write error on stdout ends with a
# message and status 70 (EPIPE keeps its usual meaning); messages show CJK
# arguments as typed under C.UTF-8, never "????"; under a GB18030 locale
# stdout and stderr are GB18030; import errors name the file as given.
. "${SC_SRCDIR:-.}/tests/rel/lib.sh"

for args in "404" "list" "--json 404" "--help" "search found" "sources" "--version" "--json search found"; do
	# shellcheck disable=SC2086
	${SC_VALGRIND:-} "$bin" $args </dev/null >/dev/full 2>"$tmp/err"; rc=$?
	check "$args >/dev/full: status 70 ($rc)" [ "$rc" -eq 70 ]
	check "$args >/dev/full: says so" grep -q 'cannot write the output: No space left on device' "$tmp/err"
done
# a reader that went away: SIGPIPE as usual, or (ignored) no message
( "$bin" list 2>"$tmp/err" | true ); rc=$?
check "| true: no write-error message" lacks 'cannot write' "$tmp/err"
( trap '' PIPE; "$bin" list 2>"$tmp/err" | true; echo $? >"$tmp/rc" )
check "SIGPIPE ignored, | true: no message" lacks 'cannot write' "$tmp/err"

# CJK in messages under C.UTF-8
sc search 缓存缓存zzqq
check "search: nothing matches, status 1 ($rc)" [ "$rc" -eq 1 ]
check "search: the words as typed" grep -q '"缓存缓存zzqq"' "$tmp/err"
check "search: no ????" lacks '????' "$tmp/err"
sc compare 404 ４０４x９
check "compare with an unknown code: not ???? ($rc)" lacks '??' "$tmp/err"

# import errors name the file as given, not its base name
cp "$refdb" "$tmp/a.db"
mkdir -p "$tmp/some/dir"
printf '\0\1' >"$tmp/some/dir/bin.md"
sc --db "$tmp/a.db" import "$tmp/some/dir/bin.md"
check "import error: status 4 ($rc)" [ "$rc" -eq 4 ]
check "import error: the full path" grep -q "$tmp/some/dir/bin.md: a binary file" "$tmp/err"
sc --db "$tmp/a.db" import "$tmp/some/dir/none.md"
check "import of a missing file: the full path" grep -q "$tmp/some/dir/none.md: No such file" "$tmp/err"

# a GB18030 locale: generated once per build tree (about 30 s), else skipped
loc=$build/tests/locale
if ! LOCPATH=$loc LC_ALL=zh_CN.GB18030 locale charmap 2>/dev/null | grep -q GB18030; then
	mkdir -p "$loc"
	localedef -i zh_CN -f GB18030 "$loc/zh_CN.GB18030" >/dev/null 2>&1
fi
if LOCPATH=$loc LC_ALL=zh_CN.GB18030 locale charmap 2>/dev/null | grep -q GB18030 && command -v iconv >/dev/null; then
	# (a zh locale chooses Chinese: the messages below are Chinese too)
	LANG=C.UTF-8 "$bin" --lang zh 404 </dev/null 2>/dev/null | iconv -f UTF-8 -t GB18030 >"$tmp/want"
	LOCPATH=$loc LC_ALL=zh_CN.GB18030 ${SC_VALGRIND:-} "$bin" 404 </dev/null >"$tmp/got" 2>"$tmp/err"; rc=$?
	check "GB18030: status 0 ($rc)" [ "$rc" -eq 0 ]
	check "GB18030: stdout is the UTF-8 output converted" cmp -s "$tmp/want" "$tmp/got"
	check "GB18030: not UTF-8 any more" lacks "$(printf '\346\234\252')" "$tmp/got"
	LOCPATH=$loc LC_ALL=zh_CN.GB18030 "$bin" search 缓存缓存zzqq </dev/null >/dev/null 2>"$tmp/err"
	printf 'statuscodes: 没有与“缓存缓存zzqq”匹配的内容\n' | iconv -f UTF-8 -t GB18030 >"$tmp/want"
	check "GB18030: messages converted too" cmp -s "$tmp/want" "$tmp/err"
	LOCPATH=$loc LC_ALL=zh_CN.GB18030 "$bin" --json 404 </dev/null >/dev/full 2>"$tmp/err"; rc=$?
	check "GB18030: >/dev/full is status 70 too ($rc)" [ "$rc" -eq 70 ]
else
	echo "ok - # SKIP no GB18030 locale: localedef -i zh_CN -f GB18030 failed (package locales missing?)"
fi
rel_done
