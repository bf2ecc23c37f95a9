#!/bin/sh
# Golden tests for statuscodes explain: every sample in tests/explain (written
# for these tests in the formats' published shapes) in all three formats:
#   NAME.tsv   piped (not a terminal): the tab-separated rows
#   NAME.json  --json
#   NAME.txt   on a terminal (script(1) gives it a pseudo-terminal, 80 columns)
# each followed by "exit: N". Then: piped input without a command is
# explained; exit statuses 1 (no status) and 4 (unreadable file); the colour
# of the terminal report; the forgiving lookups of issue 10 item 1.
# SC_UPDATE_GOLDEN=1 rewrites the golden files (read every one before committing).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
dir=$src/tests/golden/explain

golden() { # NAME FILE: compare FILE with the golden NAME
	if [ "${SC_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$2" "$dir/$1"; fi
	if cmp -s "$2" "$dir/$1"; then
		ok "$1"
	else
		not_ok "$1"; diff -u "$dir/$1" "$2" | head -30
	fi
}

have_script=0
script -qc true /dev/null </dev/null >/dev/null 2>&1 && have_script=1

cd "$src/tests/explain" || exit 1
for f in curl-sIL-chain.txt iis-w3c.log session.har combined.log caddy.jsonl \
         ftp-filezilla.txt ws-close.txt codes.txt; do
	name=${f%.*}
	# shellcheck disable=SC2086
	${SC_VALGRIND:-} "$bin" explain "$f" </dev/null >"$tmp/out" 2>/dev/null; echo "exit: $?" >>"$tmp/out"
	golden "$name.tsv" "$tmp/out"
	# shellcheck disable=SC2086
	${SC_VALGRIND:-} "$bin" --json explain "$f" </dev/null >"$tmp/out" 2>/dev/null; echo "exit: $?" >>"$tmp/out"
	golden "$name.json" "$tmp/out"
	if [ "$have_script" = 1 ]; then
		script -qc "stty cols 80 rows 24; '$bin' explain '$f'; echo \"exit: \$?\"" /dev/null \
			</dev/null | tr -d '\r' >"$tmp/out"
		golden "$name.txt" "$tmp/out"
	else
		echo "ok - $name.txt # SKIP script(1) not available"
	fi
done

# piped into statuscodes with no command: the same rows as explain FILE
"$bin" explain session.har >"$tmp/a" 2>/dev/null
"$bin" <session.har >"$tmp/b" 2>/dev/null && cmp -s "$tmp/a" "$tmp/b" &&
	ok "piped input without a command is explained" || not_ok "piped input without a command"
"$bin" explain - <codes.txt >"$tmp/b" 2>/dev/null && grep -q "^1	http	000	No response at all" "$tmp/b" &&
	ok "explain - reads standard input" || not_ok "explain - reads standard input"
echo "nothing to see here" | "$bin" explain >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "no status code found" "$tmp/err" &&
	ok "input with no status: exit 1 and a message" || not_ok "input with no status: exit 1"
"$bin" explain no-such-file.log >/dev/null 2>"$tmp/err"
[ $? -eq 4 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
	ok "unreadable file: exit 4, one line" || not_ok "unreadable file: exit 4"
"$bin" explain . >/dev/null 2>&1
[ $? -eq 4 ] && ok "a directory: exit 4" || not_ok "a directory: exit 4"
"$bin" explain codes.txt no-such-file.log >"$tmp/out" 2>/dev/null
[ $? -eq 4 ] && grep -q "^3	http	200" "$tmp/out" &&
	ok "one unreadable file among others: the rest explained, exit 4" || not_ok "mixed readable/unreadable"

# the terminal report is coloured by class
if [ "$have_script" = 1 ]; then
	script -qc "'$bin' --color=always explain combined.log" /dev/null </dev/null >"$tmp/out"
	esc=$(printf '\033')
	grep -q "${esc}\[31mHTTP 502" "$tmp/out" && grep -q "${esc}\[32mHTTP 200" "$tmp/out" &&
		ok "terminal report coloured by class" || not_ok "terminal report coloured by class"
fi

# issue 10 item 1: codes however they are written
while IFS='|' read -r want arg; do
	[ -n "$want" ] || continue
	"$bin" --lang en "$arg" </dev/null >"$tmp/out" 2>/dev/null
	st=$?
	if [ $st -eq 0 ] && head -n 1 "$tmp/out" | grep -q "^$want"; then
		ok "lookup '$arg'"
	else
		not_ok "lookup '$arg' (exit $st): $(head -n 1 "$tmp/out")"
	fi
done <<'CASES'
HTTP 429 Too Many Requests|HTTP/1.1 429 Too Many Requests
HTTP 404 Not Found|HTTP/2 404
HTTP 200 OK|HTTP/1.0 200 OK
HTTP 502 Bad Gateway|５０２
HTTP 404 Not Found| 404 
HTTP 530|530 Login incorrect.
FTP 550|550-Multi line
HTTP 403.14|403.14
CASES
"$bin" --lang en 429 Too Many Requests </dev/null >"$tmp/out" 2>/dev/null &&
	head -n 1 "$tmp/out" | grep -q "^HTTP 429" && ok "lookup 429 Too Many Requests (several words)" ||
	not_ok "lookup 429 Too Many Requests (several words)"
"$bin" --lang en 530 Login incorrect. </dev/null >"$tmp/out" 2>/dev/null &&
	grep -q "^FTP 530" "$tmp/out" && ok "530 Login incorrect.: FTP 530 among those shown" ||
	not_ok "530 Login incorrect.: FTP 530 among those shown"
"$bin" "Too Many Requests" </dev/null >/dev/null 2>&1
[ $? -eq 2 ] && ok "text with no code is a usage error" || not_ok "text with no code is a usage error"

tests_done
