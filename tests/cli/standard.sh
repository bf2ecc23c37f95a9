#!/bin/sh
# --standard (only registered codes) on list, search and quiz; the marks of
# the rows on a terminal (standard, a vendor's name, obsolete), in words
# without colour and in the palette's colour with it; and the piped rows of
# list and search under --lang (four columns, the other language empty).
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
export LC_ALL=C.UTF-8
fail_show=$tmp/out
# tty ARGS...: statuscodes ARGS on an 80-column terminal (script(1)), into $tmp/out
tty() {
	# shellcheck disable=SC2016
	SC_BIN=$bin script -qec "stty rows 200 cols 80; \${SC_VALGRIND:-} \"\$SC_BIN\" $* --no-pager" /dev/null \
		</dev/null | tr -d '\r' >"$tmp/out"
}
# field N CODE: column N of the piped row of CODE in $tmp/out
field() { awk -F '\t' -v c="$2" -v n="$1" '$2 "" == c "" { print $n }' "$tmp/out"; }

# 1. list --standard: the registered codes of 4xx, without IIS sub-status
# or vendor codes; obsolete and unused registered codes stay
run list http 4xx
all=$(wc -l <"$tmp/out")
run list --standard http 4xx
if [ "$rc" -eq 0 ] && [ "$(field 2 404)" = 404 ] && [ "$(field 2 418)" = 418 ] &&
   [ -z "$(field 2 403.14)" ] && [ -z "$(field 2 444)" ] && [ -z "$(field 2 499)" ] &&
   [ "$(wc -l <"$tmp/out")" -lt "$all" ]; then
	ok "list --standard http 4xx keeps 404 and 418, drops 403.14, 444, 499"
else not_ok "list --standard http 4xx keeps 404 and 418, drops 403.14, 444, 499"; fi
run list --standard http 305
if [ "$rc" -eq 0 ] && [ "$(field 2 305)" = 305 ]; then ok "list --standard keeps obsolete 305"
else not_ok "list --standard keeps obsolete 305"; fi
run list --standard http 52x
if [ "$rc" -eq 1 ] && [ ! -s "$tmp/out" ]; then ok "list --standard http 52x (Cloudflare only) finds nothing: exit 1"
else not_ok "list --standard http 52x finds nothing: exit 1 (got $rc)"; fi
run list --standard 403 --json
if [ "$rc" -eq 0 ] && grep -q '"code":"403"' "$tmp/out" && ! grep -q '"code":"403\.' "$tmp/out"; then
	ok "list --standard 403 --json: 403 without its sub-status codes"
else not_ok "list --standard 403 --json: 403 without its sub-status codes"; fi

# 2. search --standard: no vendor codes, and still as many hits as asked
run search --limit 5 access
if cut -f2 "$tmp/out" | grep -q '^403\.'; then ok "search access finds IIS 403.x without --standard"
else not_ok "search access finds IIS 403.x without --standard"; fi
run search --standard --limit 5 access
if [ "$rc" -eq 0 ] && [ "$(field 2 403)" = 403 ] && ! cut -f2 "$tmp/out" | grep -q '\.' &&
   [ "$(wc -l <"$tmp/out")" -eq 5 ]; then
	ok "search --standard --limit 5 access: 5 hits (asked again), 403, no sub-status code"
else not_ok "search --standard --limit 5 access: 5 hits (asked again), 403, no sub-status code"; fi
run search --standard nginx
if ! cut -f2 "$tmp/out" | grep -qx 444; then ok "search --standard nginx leaves out nginx's 444"
else not_ok "search --standard nginx leaves out nginx's 444"; fi

# 3. quiz --standard: the deck has no vendor code
d=$tmp/home
mkdir -p "$d"
HOME=$d XDG_DATA_HOME=$d ${SC_VALGRIND:-} "$bin" quiz --export "$tmp/all.txt" </dev/null >/dev/null 2>&1
HOME=$d XDG_DATA_HOME=$d ${SC_VALGRIND:-} "$bin" quiz --standard --export "$tmp/std.txt" </dev/null >/dev/null 2>&1
if grep -q 'HTTP 444' "$tmp/all.txt" && grep -q 'HTTP 404' "$tmp/std.txt" && ! grep -q 'HTTP 444' "$tmp/std.txt" &&
   ! grep -q 'HTTP 520' "$tmp/std.txt"; then
	ok "quiz --standard --export: 404 but neither 444 (nginx) nor 520 (Cloudflare)"
else not_ok "quiz --standard --export: 404 but neither 444 (nginx) nor 520 (Cloudflare)"; fi

# 4. piped rows honour --lang: four columns, the other language empty
for lang in en zh both; do
	run list http 40x --lang $lang
	en=$(field 3 404) zh=$(field 4 404)
	cols=$(awk -F '\t' '{ print NF }' "$tmp/out" | sort -u)
	case $lang in
	en) want=$([ "$en" = "Not Found" ] && [ -z "$zh" ] && echo y) ;;
	zh) want=$([ -z "$en" ] && [ -n "$zh" ] && echo y) ;;
	both) want=$([ "$en" = "Not Found" ] && [ -n "$zh" ] && echo y) ;;
	esac
	if [ "$cols" = 4 ] && [ "${want:-}" = y ]; then ok "list piped --lang $lang: four columns, $lang phrases"
	else not_ok "list piped --lang $lang: four columns, $lang phrases (en '$en', zh '$zh', columns $cols)"; fi
done
run search forbidden --lang en
if [ "$(field 3 403)" = Forbidden ] && [ -z "$(field 4 403)" ]; then ok "search piped --lang en: no Chinese"
else not_ok "search piped --lang en: no Chinese"; fi

# 5. on a terminal, rows carry their mark in words
if command -v script >/dev/null 2>&1; then
	tty list http 4xx
	for want in "404 *standard" "444 *nginx" "403\\.14 *IIS" "419 *Laravel" "418 *unused"; do
		if grep -q "HTTP *$want " "$tmp/out"; then ok "list on a terminal marks $want"
		else not_ok "list on a terminal marks $want"; fi
	done
	tty list http 3xx --lang zh
	if grep -q "305 *已废弃" "$tmp/out" && grep -q "302 *标准" "$tmp/out"; then
		ok "list --lang zh on a terminal marks 305 已废弃 and 302 标准"
	else not_ok "list --lang zh on a terminal marks 305 已废弃 and 302 标准"; fi
	tty search cloudflare --color=always
	# shellcheck disable=SC2059
	if grep -q "$(printf '\033\\[35mCloudflare')" "$tmp/out"; then ok "search on a terminal colours the vendor mark"
	else not_ok "search on a terminal colours the vendor mark"; fi
	tty search --standard cloudflare
	if ! grep -q "Cloudflare " "$tmp/out"; then ok "search --standard on a terminal shows no Cloudflare row"
	else not_ok "search --standard on a terminal shows no Cloudflare row"; fi
else
	echo "# script(1) missing: terminal rows not checked"
fi

tests_done
