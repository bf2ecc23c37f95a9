#!/bin/sh
# study.sh: the browser's study screen (issue 11, item 4), at 80x24 and
# 120x40, in English and in Chinese: S (from the one key table, listed by
# ?) opens it on a question made from the database; an answer shows right
# or wrong with the entry's summary; o opens the full entry, where the code
# list marks the code as studied; Esc closes; and the browser reopens at
# the code it was left on. Then the screen's own keys: Enter, Backspace, q,
# a key it does not use, the score after the last question, and user data
# that cannot be written. Exits 77 without tmux, 1 when a check fails.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"

# The title bar's last element: the code shown.
shown_code() {
	sc_screen "$1" | sed -n '1s/.*› \([0-9][0-9.-]*\) .*/\1/p'
}

# The selected row of the code list carries the studied mark.
marked_studied() {
	sc_screen "$1" | grep -q "✓$2 "
}

# asks_in SESSION PATTERN: the question's heading (its kind) matches.
asks_in() {
	sc_screen "$1" | grep -E -q "\[1/10\] ($2)"
}

run() {  # run COLS ROWS LANG KIND-PATTERN
	_w=$1 _h=$2 _l=$3 _ask=$4
	sess=s$_w$_l
	_home=$TMPD/home-$sess
	mkdir -p "$_home"
	sc_start "$sess" "$_w" "$_h" XDG_DATA_HOME="$_home" -- --lang "$_l"
	sc_check "$_w x $_h $_l: the browser starts" "$sess" sc_wait "$sess" "statuscodes ›"
	# the help is in the browser's language (the key table's two columns)
	_this="this help" _study="study: questions on the codes"
	[ "$_l" = zh ] && _this="本帮助" _study="学习：关于状态码的问题"
	sc_keys "$sess" '?'
	sc_wait "$sess" "$_this" >/dev/null
	sc_keys "$sess" Space   # the second page at 80x24
	sc_check "$_w x $_h $_l: the help lists the study key" "$sess" sc_wait "$sess" "$_study"
	sc_keys "$sess" Escape
	sc_wait_gone "$sess" "$_study" >/dev/null
	sc_keys "$sess" S
	sc_check "$_w x $_h $_l: S asks a question" "$sess" sc_wait "$sess" "[1/10]" "> _"
	sc_check "$_w x $_h $_l: in the chosen language" "$sess" asks_in "$sess" "$_ask"
	# 9 is never a choice and never a code: a wrong answer
	sc_keys "$sess" 9 Enter
	sc_check "$_w x $_h $_l: a wrong answer says so, with the answer" "$sess" sc_wait "$sess" "wrong" "> 9"
	sc_keys "$sess" o
	sc_check "$_w x $_h $_l: o opens the entry" "$sess" sc_wait_gone "$sess" "> 9"
	_code=$(shown_code "$sess")
	sc_check "$_w x $_h $_l: the code list marks $_code as studied" "$sess" marked_studied "$sess" "$_code"
	sc_keys "$sess" S
	sc_check "$_w x $_h $_l: S again asks the next card" "$sess" sc_wait "$sess" "[1/" "> _"
	sc_keys "$sess" Escape
	sc_check "$_w x $_h $_l: Esc closes the study screen" "$sess" sc_wait_gone "$sess" "> _"
	sc_keys "$sess" q
	sc_wait_exit "$sess" >/dev/null
	sc_start "${sess}b" "$_w" "$_h" XDG_DATA_HOME="$_home" -- --lang "$_l"
	sc_check "$_w x $_h $_l: the browser reopens at $_code" "${sess}b" sc_wait_line "${sess}b" 1 "› $_code "
	sc_keys "${sess}b" q
	sc_wait_exit "${sess}b" >/dev/null
}

en="Code to meaning|Meaning to code|Situation to code|Which protocol"
zh="状态码 → 含义|含义 → 状态码|情境 → 状态码|哪个协议"
run 80 24 en "$en"
run 120 40 en "$en"
run 80 24 zh "$zh"
run 120 40 zh "$zh"

# "Today" for new cards is the local day in the browser as in the CLI quiz
# (TZ=CST-8, UTC+8): four new cards answered by the CLI at 23:59:20 local
# leave six new ones for the browser 20 s later, and ten again 50 s later,
# at 00:00:10 local the next day (nothing is due yet: the first step is a
# minute). In UTC both times are on the same day: six.
home=$TMPD/home-tz
mkdir -p "$home"
t1=$((1796140800 - 40))   # 2026-12-01 15:59:20 UTC
printf '2\n3\n1\n2\n' | TZ=CST-8 XDG_DATA_HOME=$home STATUSCODES_DB=$STATUSCODES_DB STATUSCODES_NOW=$t1 \
	"$SC_BIN" quiz --count 4 --seed 7 --lang en --new 4 >"$TMPD/tz-quiz" 2>&1
sc_check "the CLI quiz answered four new cards" "" grep -q "answers: 2/4" "$TMPD/tz-quiz"
tz_asks() {  # tz_asks NAME TZ NOW N: the browser's study screen asks N cards
	sc_start "tz$1" 80 24 XDG_DATA_HOME="$home" TZ="$2" STATUSCODES_NOW="$3" -- --lang en
	sc_wait "tz$1" "statuscodes ›" >/dev/null
	sc_keys "tz$1" S
	sc_check "study at $3 in TZ $2: [1/$4]" "tz$1" sc_wait "tz$1" "[1/$4]" "> _"
	sc_keys "tz$1" Escape q
	sc_wait_exit "tz$1" >/dev/null
}
tz_asks same CST-8 $((t1 + 20)) 6
tz_asks next CST-8 $((t1 + 50)) 10
tz_asks utc UTC0 $((t1 + 50)) 6

# The study screen's own keys, once (80x24, English): Enter with nothing
# typed does nothing; Backspace takes back what was typed; Enter judges,
# and Enter again asks the next question; q with nothing typed closes, as
# q does after an answer; at the end of the ten, the score; a user
# database that cannot be written gets a message instead of questions.
home=$TMPD/home-keys
mkdir -p "$home"
sc_start keys 80 24 XDG_DATA_HOME="$home" -- --lang en
sc_wait keys "statuscodes ›" >/dev/null
sc_keys keys S
sc_check "keys: S asks the first of ten" keys sc_wait keys "[1/10]" "> _"
sc_keys keys Enter
sc_check "keys: Enter with nothing typed stays on the question" keys sc_wait keys "[1/10]" "> _"
sc_type keys 97
sc_check "keys: typed 97" keys sc_wait keys "> 97_"
sc_keys keys BSpace
sc_check "keys: Backspace takes back the 7" keys sc_wait keys "> 9_"
sc_keys keys Enter
sc_check "keys: Enter judges 9: wrong" keys sc_wait keys "wrong" "> 9"
sc_keys keys Enter
sc_check "keys: Enter again asks the second question" keys sc_wait keys "[2/10]" "> _"
sc_keys keys 9 Enter
sc_check "keys: the second answered" keys sc_wait keys "[2/10]" "wrong"
sc_keys keys x
sc_check "keys: x (no key of the study screen) after an answer leaves it open" keys sc_wait keys "[2/10]" "wrong"
sc_keys keys q
sc_check "keys: q after an answer closes the study screen" keys sc_wait_gone keys "[2/10]"
sc_keys keys S
sc_check "keys: S opens it again" keys sc_wait keys "[1/" "> _"
sc_keys keys q
sc_check "keys: q with nothing typed closes it" keys sc_wait_gone keys "> _"
sc_keys keys S
sc_wait keys "> _" >/dev/null
n=$(sc_screen keys | sed -n 's/.*\[1\/\([0-9]*\)\].*/\1/p' | head -1)
sc_check "keys: the third opening says how many it asks ([1/$n])" keys test -n "$n"
i=0
while [ -n "$n" ] && [ "$i" -lt "$n" ]; do
	sc_keys keys 9 Enter
	sc_wait keys "wrong" >/dev/null
	sc_keys keys Enter
	i=$((i + 1))
done
sc_check "keys: after the last of $n answered wrong, the score 0/$n" keys sc_wait keys "right answers: 0/$n"
sc_keys keys Escape q
sc_wait_exit keys >/dev/null
# (XDG_DATA_HOME a plain file: no directory can be made under it, as root
# too)
rohome=$TMPD/not-a-directory
: >"$rohome"
sc_start ro 80 24 XDG_DATA_HOME="$rohome" -- --lang en
sc_check "user data that cannot be written: the browser starts" ro sc_wait ro "statuscodes ›"
sc_keys ro S
sc_check "user data that cannot be written: S says study needs a writable user database" ro \
	sc_wait ro "study needs a writable user database"
sc_keys ro q
quits() { [ "$(sc_wait_exit "$1")" = 0 ]; }
sc_check "user data that cannot be written: quits cleanly" ro quits ro

# A user database whose study table cannot be read (a column renamed): S
# says the progress cannot be read and asks nothing (it showed every card
# as new).
if command -v sqlite3 >/dev/null 2>&1; then
	bad=$TMPD/home-bad
	mkdir -p "$bad"
	XDG_DATA_HOME=$bad STATUSCODES_DB=$STATUSCODES_DB "$SC_BIN" quiz --stats >/dev/null 2>&1
	sqlite3 "$bad/statuscodes/user.db" "ALTER TABLE study_card RENAME COLUMN rights TO r2"
	sc_start bad 80 24 XDG_DATA_HOME="$bad" -- --lang en
	sc_wait bad "statuscodes ›" >/dev/null
	sc_keys bad Escape S
	sc_check "unreadable study table: S says the progress cannot be read" bad \
		sc_wait bad "the study progress cannot be read"
	sc_check "unreadable study table: and asks nothing" bad sc_wait_gone bad "> _"
	sc_keys bad q
	sc_check "unreadable study table: quits cleanly" bad quits bad
else
	sc_skip "an unreadable study table (no sqlite3)"
fi

sc_check "no sanitizer reports" "" sc_sanitizer_clean
sc_done
