#!/bin/sh
# Study mode from the command line, scripted: a quiz over piped answers
# with a fixed seed gives the expected right/wrong (tests/golden/quiz-*.out,
# read and checked by hand), and --stats then moves as FSRS says: a right
# answer pushes the card's due date out (10 minutes, then 2 days), a wrong
# one brings it back within the day (1 minute). The clock is fixed with
# $STATUSCODES_NOW. Also: bookmarks and history from a user database of the
# previous schema, the Anki export, and the one-line errors.
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
XDG_DATA_HOME=$tmp/xdg
TZ=UTC
export XDG_DATA_HOME TZ
T0=1700000000
sc() { ${SC_VALGRIND:-} "$bin" "$@"; }

# same_file NAME EXPECTED-FILE ACTUAL-FILE
same_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1"; diff -u "$2" "$3" | head -30; fi
}

# stat_is NAME TIME KEY VALUE: quiz --stats --json at TIME has "KEY":VALUE
stat_is() {
	got=$(STATUSCODES_NOW=$2 sc quiz --stats --json 2>&1 | sed 's/,"groups".*//' |
		sed -n "s/.*\"$3\":\([^,}]*\).*/\1/p")
	if [ "$got" = "$4" ]; then ok "$1 ($3 $4)"; else not_ok "$1: $3 is '$got', want '$4'"; fi
}

# 1. a new user, four new cards; answers right, wrong, right, wrong
printf '2\n3\n1\n2\n' | STATUSCODES_NOW=$T0 sc quiz --count 4 --seed 7 --lang en --new 4 >"$tmp/run1" 2>&1
echo "exit: $?" >>"$tmp/run1"
same_file "first quiz: right, wrong, right, wrong" "$src/tests/golden/quiz-run1.out" "$tmp/run1"
stat_is "just after: nothing due" $T0 due 0
stat_is "four cards studied" $T0 studied 4
stat_is "four answers" $T0 reviews 4
stat_is "half of them right" $T0 retention 0.5000
stat_is "a minute later the two wrong ones are due again" $((T0 + 61)) due 2
stat_is "ten minutes later the right ones are due for their second step" $((T0 + 601)) due 4

# 2. ten minutes later, no new cards: the four due ones, in Chinese, all
#    right (by number, by the phrase itself, with a grade word)
printf '4\n未授权（需要认证）\n1 hard\n4\n' |
	STATUSCODES_NOW=$((T0 + 601)) sc quiz --count 4 --seed 7 --lang zh --new 0 >"$tmp/run2" 2>&1
echo "exit: $?" >>"$tmp/run2"
same_file "second quiz: four right" "$src/tests/golden/quiz-run2.out" "$tmp/run2"
stat_is "just after: nothing due" $((T0 + 602)) due 0
stat_is "eight answers" $((T0 + 602)) reviews 8
stat_is "six of them right" $((T0 + 602)) retention 0.7500
# the two that were wrong are still learning (10 and 5.5 minutes); the two
# right twice graduated with FSRS-6's 2-day interval (py-fsrs ivl_history)
stat_is "the learning ones come back the same day" $((T0 + 1202)) due 2
stat_is "the graduated ones not before two days" $((T0 + 601 + 172799)) due 2
stat_is "the graduated ones after two days" $((T0 + 601 + 172800)) due 4
# nothing new allowed and nothing due: says so, exit 0
out=$(STATUSCODES_NOW=$((T0 + 602)) sc quiz --new 0 --lang en </dev/null)
case $out in "Nothing to study now."*"Next card due: 2023-11-14 22:28"*) ok "nothing due, and when the next is" ;;
	*) not_ok "nothing due: $out" ;; esac
# the same seed, the same quiz: order and choices repeat
rm -rf "$XDG_DATA_HOME"
printf '2\n3\n1\n2\n' | STATUSCODES_NOW=$T0 sc quiz --count 4 --seed 7 --lang en --new 4 >"$tmp/again" 2>&1
echo "exit: $?" >>"$tmp/again"
same_file "--seed repeats the quiz" "$tmp/run1" "$tmp/again"

# 3. bookmarks and history from a user database of the previous schema
rm -rf "$XDG_DATA_HOME"
mkdir -p "$XDG_DATA_HOME/statuscodes"
cp "$src/tests/data/userdata-v1.db" "$XDG_DATA_HOME/statuscodes/user.db"
chmod u+w "$XDG_DATA_HOME/statuscodes/user.db"
printf 'http\t404\tNot Found\t未找到\nftp\t530\tNot logged in.\t未登录\n' >"$tmp/want-marks"
sc bookmarks --lang both | head -2 >"$tmp/marks"
same_file "bookmarks, one per line" "$tmp/want-marks" "$tmp/marks"
# the file's saved browser language (zh) is the command line's default too
sc bookmarks | head -1 >"$tmp/marks"
printf 'http\t404\t\t未找到\n' >"$tmp/want-marks"
same_file "the old file's saved language (zh) is the default" "$tmp/want-marks" "$tmp/marks"
n=$(sc bookmarks | wc -l)
[ "$n" -eq 3 ] && ok "three bookmarks (403.14 too)" || not_ok "bookmarks: $n lines"
out=$(sc bookmarks --json)
case $out in '[{'*'"code":"404"'*'"code":"530"'*'"code":"403.14"'*'}]') ok "bookmarks --json" ;;
	*) not_ok "bookmarks --json: $out" ;; esac
out=$(sc history --json)
case $out in '[{'*'"code":"401"'*'"code":"403"'*'"code":"1006"'*'}]') ok "history --json, oldest first" ;;
	*) not_ok "history --json: $out" ;; esac
n=$(sc history --limit 1 | cut -f2)
[ "$n" = 1006 ] && ok "history --limit 1: the last visit" || not_ok "history --limit 1: $n"
cards=$(STATUSCODES_NOW=$T0 sc quiz --stats --json --bookmarks --substatus --lang en |
	sed -n 's/^{"cards":\([0-9]*\),.*/\1/p')
# 404: meaning, code, situation; ftp 530: meaning, code, situation, protocol;
# 403.14: meaning, code
[ "$cards" = 9 ] && ok "quiz --bookmarks: the bookmarked codes' 9 cards" || not_ok "quiz --bookmarks: $cards cards"

# 3b. no bookmarks, no history yet: a new user whose data lives under $HOME
#     (no $XDG_DATA_HOME) and one under a fresh $XDG_DATA_HOME. stdout stays
#     the (empty) list, [] with --json; stderr says why, in the language
#     asked; exit 0 (the list was listed)
new_user() {  # new_user ARGS...: statuscodes for the new user of $where
	(
		HOME=$tmp/home
		export HOME
		if [ "$where" = home ]; then unset XDG_DATA_HOME; else XDG_DATA_HOME=$tmp/fresh; fi
		sc "$@"
	)
}
empty() {  # empty NAME COMMAND LANG WANT-STDERR
	new_user "$2" --lang "$3" >"$tmp/out" 2>"$tmp/err" </dev/null
	st=$?
	printf 'statuscodes: %s\n' "$4" >"$tmp/want-err"
	if [ "$st" -eq 0 ] && [ ! -s "$tmp/out" ] && cmp -s "$tmp/want-err" "$tmp/err"; then ok "$1"
	else not_ok "$1: exit $st"; cat "$tmp/out" "$tmp/err"; fi
	out=$(new_user "$2" --json --lang "$3" 2>/dev/null </dev/null)
	st=$?
	if [ "$st" -eq 0 ] && [ "$out" = '[]' ] &&
		printf '%s' "$out" | python3 -c 'import json, sys; assert json.load(sys.stdin) == []'
	then ok "$1: --json prints []"; else not_ok "$1: --json exit $st: $out"; fi
}
for where in home xdg; do
	rm -rf "$tmp/home" "$tmp/fresh"
	mkdir -p "$tmp/home"
	empty "$where: no bookmarks yet" bookmarks en "no bookmarks yet: in the browser, press m on a code to bookmark it"
	empty "$where: no bookmarks yet (zh)" bookmarks zh "还没有书签：在浏览器中，在状态码上按 m 即可加书签"
	empty "$where: no history yet" history en "no history yet: the codes you open in the browser are remembered"
	empty "$where: no history yet (zh)" history zh "还没有历史记录：在浏览器中打开过的状态码会被记住"
	if [ $where = home ]; then db=$tmp/home/.local/share/statuscodes/user.db; else db=$tmp/fresh/statuscodes/user.db; fi
	[ -f "$db" ] && ok "$where: the new user's database is ${db#"$tmp/"}" || not_ok "$where: no ${db#"$tmp/"}"
done

# 4. the Anki export
sc quiz --export "$tmp/deck.txt" --protocol websocket --lang both
head -3 "$tmp/deck.txt" >"$tmp/head"
printf '#separator:tab\n#html:false\n#columns:Front\tBack\tTags\n' >"$tmp/want-head"
same_file "export: Anki's header lines" "$tmp/want-head" "$tmp/head"
bad=$(grep -v '^#' "$tmp/deck.txt" | awk -F'\t' 'NF != 3' | wc -l)
rows=$(grep -vc '^#' "$tmp/deck.txt")
[ "$bad" -eq 0 ] && [ "$rows" -gt 20 ] && ok "export: $rows cards of three fields" || not_ok "export: $bad bad rows of $rows"
grep -q '1006 Abnormal Closure / 异常关闭' "$tmp/deck.txt" && ok "export: both languages" || not_ok "export: languages"

# 5. one-line errors with their documented status
err() {  # err NAME STATUS ARGS...
	name=$1 want=$2
	shift 2
	sc "$@" >/dev/null 2>"$tmp/err" </dev/null
	st=$?
	lines=$(wc -l <"$tmp/err")
	if [ "$st" -eq "$want" ] && [ "$lines" -le 2 ]; then ok "$name: exit $st"; else not_ok "$name: exit $st, $lines lines"; cat "$tmp/err"; fi
}
err "quiz with an argument" 2 quiz 404
err "--stats and --export together" 2 quiz --stats --export x
err "--count 0" 2 quiz --count 0
err "--class nonsense" 2 quiz --class 'x;y'
err "a class with no cards" 1 quiz --class 9xx
err "an export that cannot be written" 4 quiz --export "$tmp/no/such/dir/deck.txt"
chmod -R a-w "$XDG_DATA_HOME"
if [ "$(id -u)" -ne 0 ]; then
	err "no writable user database" 3 quiz --new 1
fi
chmod -R u+w "$XDG_DATA_HOME"

tests_done
