#!/bin/sh
# random-keys.sh: thousands of random keys, Chinese text, Esc, mouse
# reports and resizes (1x1 and 300x100 included) sent to the browser in
# tmux, from a fixed seed. The browser must keep running, quit with status
# 0 at the end, and leave no sanitizer report: ASan, UBSan and LeakSanitizer
# (at exit) write to a private directory that must stay empty. Meant for a
# --enable-sanitizers build; on a normal build it still finds crashes.
# After each burst of keys the screen must also make sense
# (screen_invariants.py): one pane is focused and its title shown, every
# list on screen shows its selected row, and the title bar, the detail
# pane and the code list's selected row name the same code.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both);
# SC_RANDOM_KEYS (default 10000: about 10 s on a sanitizer build) and
# SC_RANDOM_SEED (default 20240601) to replay or vary a run.

here=$(dirname "$0")
. "$here/lib.sh"

seed=${SC_RANDOM_SEED:-20240601}
nkeys=${SC_RANDOM_KEYS:-10000}
SC_TIMEOUT=${SC_TUI_TIMEOUT:-60}
mkdir -p "$TMPD/xdg"
SC_XDG=$TMPD/xdg

echo "# seed $seed, $nkeys keys"
sc_start rk 120 40
if ! sc_wait rk "Continue"; then
	echo "not ok 1 - the browser did not start"
	sc_screen rk | sed 's/^/#   |/'
	cat "$TMPD/rk.err" 2>/dev/null
	echo "0 passed, 1 failed"
	exit 1
fi

# The plan: one action a line. k KEYS... (tmux key names), t TEXT
# (literal), r COLS ROWS (resize), m HEX... (a mouse report).
awk -v seed="$seed" -v n="$nkeys" '
function pick(a, cnt) { return a[int(rand() * cnt) + 1] }
BEGIN {
	srand(seed)
	nk = split("j j j k k k g G Space PageUp PageDown C-d C-u C-f C-b Tab Tab BTab " \
	           "Enter Enter Enter BSpace BSpace h l Left Right Up Down Home End " \
	           "[ ] / / n N c c C L m M H ? F1 C-l Escape Escape Escape " \
	           "0 1 2 3 4 5 6 7 8 9 . x a e b M-Left M-Right C-Left S-Up C-z DC IC", keys, " ")
	nt = split("缓存 代理 超时 登录 未找到 禁止 cache auth gone proxy 404 40 4xx 500.1 " \
	           "Retry-After AND ( \" * 文件 　 x", texts, " ")
	nz = split("1x1 2x2 300x100 120x40 80x24 40x12 30x8 29x8 20x5 200x60 76x20 119x30 " \
	           "1x40 120x1", sizes, " ")
	sent = 0
	while (sent < n) {
		r = rand()
		if (r < 0.03) {
			if (rand() < 0.5)
				print "r " pick(sizes, nz)
			else
				print "r " int(rand() * 200) + 1 "x" int(rand() * 60) + 1
			sent++
		} else if (r < 0.07) {
			print "t " pick(texts, nt)
			sent += 2
		} else if (r < 0.10) {
			b = int(rand() * 4); b = b == 2 ? 64 : b == 3 ? 65 : b
			printf "m 1b 5b 4d %x %x %x\n", b + 32, int(rand() * 120) + 33, int(rand() * 40) + 33
			printf "m 1b 5b 4d %x %x %x\n", 3 + 32, int(rand() * 120) + 33, int(rand() * 40) + 33
			sent++
		} else {
			line = "k"
			cnt = int(rand() * 12) + 1
			for (i = 0; i < cnt; i++)
				line = line " " pick(keys, nk)
			print line
			sent += cnt
		}
	}
}' | sed 's/^r \([0-9]*\)x\([0-9]*\)$/r \1 \2/' > "$TMPD/plan"

# invariants: screen_invariants.py on the screen as it is now, again after
# a moment when it fails (the terminal may still be drawing); prints what
# is wrong.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
invariants() {
	_size=$($T display -p -t rk '#{window_width} #{window_height}')
	# shellcheck disable=SC2086
	$T capture-pane -e -p -N -t rk | "$py" "$here/screen_invariants.py" $_size >"$TMPD/inv" && return 0
	sleep 0.3
	sc_idle rk
	_size=$($T display -p -t rk '#{window_width} #{window_height}')
	# shellcheck disable=SC2086
	$T capture-pane -e -p -N -t rk | "$py" "$here/screen_invariants.py" $_size >"$TMPD/inv"
}

set -f
crashed=0
steps=0
checked=0
broken=0
while IFS= read -r line; do
	steps=$((steps + 1))
	case $line in
	k\ *)
		# shellcheck disable=SC2086
		set -- ${line#k }
		$T send-keys -t rk "$@" ;;
	t\ *)
		$T send-keys -t rk -l "${line#t }" ;;
	r\ *)
		# shellcheck disable=SC2086
		set -- ${line#r }
		sc_idle rk
		sc_resize rk "$1" "$2"
		sc_idle rk ;;
	m\ *)
		# shellcheck disable=SC2086
		$T send-keys -t rk -H ${line#m } ;;
	esac
	# every few steps: let the browser catch up (so that keys and resizes
	# interleave as sent), and see that it still runs
	if [ $((steps % 8)) = 0 ]; then
		sc_idle rk
		if ! sc_running rk; then
			crashed=1
			break
		fi
		checked=$((checked + 1))
		if ! invariants; then
			broken=$((broken + 1))
			if [ $broken -le 3 ]; then
				echo "# after step $steps ($line):"
				sed 's/^/#   /' "$TMPD/inv"
				sc_screen rk | sed 's/^/#   |/'
			fi
		fi
	fi
done < "$TMPD/plan"
set +f

if [ $crashed = 1 ] || ! sc_running rk; then
	sc_check "still running after $steps steps of the plan" "" false
	echo "#   exit status: $(sed -n 's/^rc=//p' "$TMPD/rk.rc")"
else
	sc_check "still running after $steps steps ($(wc -l < "$TMPD/plan") planned)" "" true
	sc_check "the screen's invariants held at $((checked - broken)) of $checked checkpoints" "" \
		test "$broken" -eq 0
	# back to a usable size, out of any prompt or overlay, and quit
	sc_resize rk 80 24
	sc_keys rk Escape
	sleep 0.1
	sc_keys rk Escape
	sleep 0.1
	sc_keys rk Q
	rc=$(sc_wait_exit rk)
	sc_check "Q quits with status 0 (got: $rc)" rk test "$rc" = 0
fi
[ -s "$TMPD/rk.err" ] && sed 's/^/#   stderr: /' "$TMPD/rk.err" | head -40
sc_check "no sanitizer or leak report" "" sc_sanitizer_clean
sc_done
