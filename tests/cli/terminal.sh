#!/bin/sh
# The output meant for a terminal, run in one (a pty from script(1), 80
# columns): the answer-first form of show and its --full form against
# golden files (tests/golden/tty-*.out), statuscodes 502 in 30 lines at
# most, and the pager: used only on a terminal, only for output longer than
# the screen, never with --no-pager (a fake pager, STATUSCODES_PAGER, writes
# what it is given to a file). SC_UPDATE_GOLDEN=1 rewrites the golden files
# (read every one before committing).
command -v script >/dev/null 2>&1 || { echo "1..0 # SKIP script(1) is not installed"; exit 77; }
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
dir=$src/tests/golden

# tty ROWS ARGS...: statuscodes ARGS on a ROWS x 80 terminal (x $cols when
# set); its screen output (CR removed) in $tmp/screen, what a pager got in
# $tmp/paged.
tty() {
	rows=$1; shift
	rm -f "$tmp/paged"
	# shellcheck disable=SC2016
	SC_BIN=$bin SC_PAGED=$tmp/paged script -qec "stty rows $rows cols ${cols:-80}; LANG=C.UTF-8 NO_COLOR=1 \
STATUSCODES_PAGER='cat > \"\$SC_PAGED\"' \${SC_VALGRIND:-} \"\$SC_BIN\" $*; echo \"exit: \$?\"" /dev/null \
		</dev/null | tr -d '\r' >"$tmp/screen"
}

golden() {
	name=$1; shift
	tty 200 "$@"
	if [ "${SC_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$tmp/screen" "$dir/$name.out"; fi
	if cmp -s "$tmp/screen" "$dir/$name.out"; then
		ok "$name: statuscodes $*"
	else
		not_ok "$name: statuscodes $*"
		diff -u "$dir/$name.out" "$tmp/screen" | head -40
	fi
}

golden tty-502 502
golden tty-404-en 404 --lang en
golden tty-401-zh --lang zh 401
golden tty-502-full 502 --full

# no line of the short or the full form is wider than the terminal (East
# Asian wide and full-width characters take two columns)
for args in 502 "502 --full" "504 --full" "ftp 530 --full" "ws 1006 --full" "413 --full" "401 --full"; do
	tty 300 --no-pager $args
	# shellcheck disable=SC2016
	w=$(python3 -c 'import sys, unicodedata as u
print(max((sum(0 if u.combining(c) else 2 if u.east_asian_width(c) in "WF" else 1 for c in l.rstrip("\n"))
           for l in open(sys.argv[1], encoding="utf-8")), default=0))' "$tmp/screen")
	if [ "$w" -le 80 ]; then ok "statuscodes $args: widest line $w columns (at most 80)"; else not_ok "statuscodes $args: a line of $w columns"; fi
done

tty 200 502
n=$(grep -vc '^exit: ' "$tmp/screen")
if [ "$n" -le 30 ]; then ok "statuscodes 502 on a terminal takes $n lines (at most 30)"; else not_ok "statuscodes 502 takes $n lines"; fi

tty 24 502 --full
if [ -s "$tmp/paged" ] && grep -q '^Sources · 来源' "$tmp/paged" && ! grep -q '^Sources' "$tmp/screen"; then
	ok "longer than the screen: through the pager"
else
	not_ok "statuscodes 502 --full on 24 rows did not go through the pager"
fi
tty 24 --no-pager 502 --full
if [ ! -e "$tmp/paged" ] && grep -q '^Sources · 来源' "$tmp/screen"; then ok "--no-pager: straight to the terminal"; else not_ok "--no-pager still paged"; fi
tty 24 --format=line 404 502
if [ ! -e "$tmp/paged" ] && grep -q '^404  Not Found · 未找到$' "$tmp/screen"; then ok "shorter than the screen: no pager"; else not_ok "short output was paged"; fi

# At 24 columns the class line of 404 (29 columns with its Chinese name) is
# wider than the room after it, yet it is the head's first part: it starts
# the line under the phrase, never a line of its own after a blank one.
# Kills src/cli/render_entry.c:65 dropping `col > 0 &&`.
cols=24 tty 40 --no-pager 404
if sed -n 2p "$tmp/screen" | grep -q '^  4xx Client Error · 客户端错误$'; then
	ok "24 columns: the class line right under the phrase"
else
	not_ok "24 columns: line 2 is not the class line"
	head -4 "$tmp/screen" | sed 's/^/#   /'
fi

# The "also" line of a code another protocol uses too names it whole: when
# its phrases and the command to see it do not fit one line, the command
# goes under them (504: FTP 504's two phrases take 73 columns), and only
# phrases wider than the line by themselves are cut.
tty 200 --no-pager 504
also=$(grep -n '^also FTP 504 ' "$tmp/screen" | cut -d: -f1)
if [ -n "$also" ] && sed -n "${also}p" "$tmp/screen" | grep -q '^also FTP 504 Command not implemented for that parameter\. · 该参数下的命令未实现$' &&
   sed -n "$((also + 1))p" "$tmp/screen" | grep -q '^     (statuscodes ftp 504)$'; then
	ok "504: FTP 504's phrases whole, the command under them"
else
	not_ok "504: the also line"
	grep -A1 '^also' "$tmp/screen" | sed 's/^/#   /'
fi
tty 200 --no-pager 501 --lang en
check "501 --lang en: a short also line keeps the command on it" \
	grep -q '^also FTP 501 Syntax error in parameters or arguments\.  (statuscodes ftp 501)$' "$tmp/screen"

# A WebSocket close code below 3000 that is not registered on its own
# (2999, in the reserved range 1016-2999) gets its range's rule, never the
# advice about the registered (3000-3999) or private (4000-4999) ranges;
# 3999 gets the registered range's. Kills src/view/report.c:112 dropping
# `c->num >= 3000 &&`.
printf 'close code 2999\n' >"$tmp/ws2999.txt"
tty 60 --no-pager explain "$tmp/ws2999.txt"
check "explain close code 2999: its range's rule" grep -q 'the rules of its range apply' "$tmp/screen"
check "explain close code 2999: no word of 3000-3999" sh -c '! grep -q "3000-3999 are registered" "$1"' sh "$tmp/screen"
printf 'close code 3999\n' >"$tmp/ws3999.txt"
tty 60 --no-pager explain "$tmp/ws3999.txt"
check "explain close code 3999: 3000-3999 are registered" grep -q '3000-3999 are registered' "$tmp/screen"

rm -f "$tmp/paged"
STATUSCODES_PAGER="cat > '$tmp/paged'" LANG=C.UTF-8 "$bin" 502 --full >"$tmp/piped" </dev/null
if [ ! -e "$tmp/paged" ] && grep -q '^Sources · 来源' "$tmp/piped"; then ok "not a terminal: no pager"; else not_ok "piped output was paged"; fi

tests_done
