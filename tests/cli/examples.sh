#!/bin/sh
# The CLI examples of issue 16, each a check that a user would notice
# failing: exit statuses, --protocol, --lang, control characters in
# arguments, full-width digits. Output goes to a pipe (the plain form).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
export LC_ALL=C.UTF-8
fail_show=$tmp/out
C1=$(printf '\302\233')      # U+009B, a terminal's CSI
ESC=$(printf '\033')
BEL=$(printf '\007')
# raw FILE: does FILE hold a control a terminal acts on (C0 but \t \n, DEL, C1)?
raw() { LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
# cjk FILE: does FILE hold a Han ideograph?
cjk() { grep -qP '[\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}]' "$1"; }

# 1. compare with a code that does not exist: not found, status 1
run compare 401 999
if [ "$rc" -eq 1 ] && grep -q 999 "$tmp/err"; then ok "compare 401 999 exits 1 naming 999"
else not_ok "compare 401 999 exits 1 (got $rc)"; fi
run compare 999 401
if [ "$rc" -eq 1 ]; then ok "compare 999 401 exits 1"; else not_ok "compare 999 401 exits 1 (got $rc)"; fi
run compare 401 403
if [ "$rc" -eq 0 ]; then ok "compare 401 403 exits 0"; else not_ok "compare 401 403 exits 0 (got $rc)"; fi

# 2. --protocol restricts the search (and without it, login finds HTTP too)
run search login
if [ "$rc" -eq 0 ] && cut -f1 "$tmp/out" | grep -qx http; then ok "search login lists HTTP codes"
else not_ok "search login lists HTTP codes"; fi
for p in "-p ftp" "--protocol ftp" "--protocol=ftp"; do
	# shellcheck disable=SC2086
	run search $p login
	if [ "$rc" -eq 0 ] && [ -s "$tmp/out" ] && [ "$(cut -f1 "$tmp/out" | sort -u)" = ftp ]; then
		ok "search $p login lists only FTP codes"
	else not_ok "search $p login lists only FTP codes"; fi
done
run search -p http login --json
if [ "$rc" -eq 0 ] && grep -q '"protocol":"http"' "$tmp/out" && ! grep -q '"protocol":"ftp"' "$tmp/out"; then
	ok "search -p http login --json lists only HTTP codes"
else not_ok "search -p http login --json lists only HTTP codes"; fi

# 3. --lang en prints no Chinese; --lang zh does
# (the piped lines of search and list always carry both columns: see
# docs/TESTING.md, known bugs)
for cmd in "compare 401 403" "show 404" "ftp 530" "show 403.14"; do
	# shellcheck disable=SC2086
	run $cmd --lang en
	if [ "$rc" -eq 0 ] && [ -s "$tmp/out" ] && ! cjk "$tmp/out"; then ok "$cmd --lang en prints no Chinese"
	else not_ok "$cmd --lang en prints no Chinese"; fi
	# shellcheck disable=SC2086
	run $cmd --lang zh
	if [ "$rc" -eq 0 ] && cjk "$tmp/out"; then ok "$cmd --lang zh prints Chinese"
	else not_ok "$cmd --lang zh prints Chinese"; fi
done

# 4. a control character in an argument never reaches the terminal raw,
# in any command, output form or message
for arg in "4${C1}04" "${C1}31m" "login${C1}2J" "${ESC}[2J" "4${BEL}04" "ftp${C1}"; do
	for cmd in show search list compare; do
		for form in "" --json "--lang en"; do
			# shellcheck disable=SC2086
			run $cmd "$arg" 401 $form
			cat "$tmp/err" >>"$tmp/out"
			if raw "$tmp/out"; then not_ok "$cmd <control> 401 $form: a raw control character in the output"
			else ok "$cmd $(printf '%s' "$arg" | od -An -c | tr -s ' ') $form: no raw control"; fi
		done
	done
	for opt in "--protocol=$arg" "--lang=$arg" "--limit=$arg" "--color=$arg" "--$arg"; do
		run search login "$opt"
		cat "$tmp/err" >>"$tmp/out"
		if [ "$rc" -eq 2 ] && ! raw "$tmp/out"; then ok "an option value with a control: usage error, shown escaped"
		else not_ok "search login $opt: status $rc (want 2) or a raw control"; fi
	done
done

# 5. full-width digits are digits: ４０９ finds 409 first, at both ends of
# the range (０ U+FF10 and ９ U+FF19)
for q in "４０９ 409" "５００ 500" "１００ 100" "４０４ 404"; do
	set -- $q
	run search "$1"
	if [ "$rc" -eq 0 ] && [ "$(head -1 "$tmp/out" | cut -f2)" = "$2" ]; then ok "search $1 finds $2 first"
	else not_ok "search $1 finds $2 first"; fi
done
run search "４０９" --json
if [ "$rc" -eq 0 ] && grep -q '^\[{"protocol":"http","code":"409"' "$tmp/out"; then ok "search ４０９ --json: 409 first"
else not_ok "search ４０９ --json: 409 first"; fi
# a full-width character next to the digits is no digit: ／ U+FF0F, ： U+FF1A
for q in "４０９／" "：４０９"; do
	run search "$q"
	if [ "$rc" -eq 0 ] && [ "$(head -1 "$tmp/out" | cut -f2)" = 409 ]; then ok "search $q finds 409 first"
	else not_ok "search $q finds 409 first"; fi
done

# 6. search at its edges: exact Chinese phrases first; small and bad limits
for q in "未找到 404" "已永久删除 410" "未修改 304" "临时重定向 302"; do
	set -- $q
	run search "$1"
	if [ "$rc" -eq 0 ] && [ "$(head -1 "$tmp/out" | cut -f2)" = "$2" ]; then ok "search $1 (an exact phrase) finds $2 first"
	else not_ok "search $1 finds $2 first"; fi
done
for n in 1 2 3; do
	run search cache -n "$n"
	if [ "$rc" -eq 0 ] && [ "$(wc -l <"$tmp/out")" -eq "$n" ]; then ok "search cache -n $n: $n rows"
	else not_ok "search cache -n $n: $n rows (got $(wc -l <"$tmp/out"), status $rc)"; fi
done
run search cache -n 10000
if [ "$rc" -eq 0 ]; then ok "--limit 10000 is allowed"; else not_ok "--limit 10000 is allowed (status $rc)"; fi
for n in 0 -1 10001 99999999999 1x ""; do
	run search cache "--limit=$n"
	if [ "$rc" -eq 2 ] && grep -q 'limit' "$tmp/err"; then ok "--limit=$n: usage error naming --limit"
	else not_ok "--limit=$n: usage error (status $rc)"; fi
done

# 7. every documented exit status: 0 found, 1 not found, 2 usage (above),
# 3 database, 4 unreadable input file (70 is an internal error: no input
# reaches it on purpose)
run --db /nonexistent/statuscodes.db 404
if [ "$rc" -eq 3 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok "a missing database: status 3, one line"
else not_ok "a missing database: status 3, one line (got $rc)"; fi
cp "$refdb" "$tmp/copy.db"
run --db "$tmp/copy.db" import "$tmp/no-such-file.txt"
if [ "$rc" -eq 4 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then ok "import of a missing file: status 4, one line"
else not_ok "import of a missing file: status 4 (got $rc)"; fi
printf '\000\001\002' >"$tmp/binary.txt"
run --db "$tmp/copy.db" import "$tmp/binary.txt"
if [ "$rc" -eq 4 ]; then ok "import of a binary file: status 4"; else not_ok "import of a binary file: status 4 (got $rc)"; fi
run show 404
if [ "$rc" -eq 0 ]; then ok "show 404: status 0"; else not_ok "show 404: status 0 (got $rc)"; fi
run show 499.99
if [ "$rc" -eq 1 ]; then ok "show 499.99: status 1"; else not_ok "show 499.99: status 1 (got $rc)"; fi
run frobnicate
if [ "$rc" -eq 2 ]; then ok "an unknown command: status 2"; else not_ok "an unknown command: status 2 (got $rc)"; fi

tests_done
