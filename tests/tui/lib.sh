# lib.sh: helpers for driving the statuscodes browser in tmux (sourced by
# every tests/tui/*.sh). After tmux's regress/ and fzf's test
# helper: a private server (-L), fixed window sizes, send-keys to type,
# capture-pane to read, and polling with a timeout instead of sleeping.
#
# Needs: SC_BUILDDIR (the build tree); STATUSCODES_DB is taken from it when
# unset. Sets TMPD (removed at exit), T (the tmux command) and SC_SAN (where
# ASan, UBSan and LeakSanitizer write their reports: sc_sanitizer_clean).
# The sessions' XDG_DATA_HOME is $SC_XDG, else $TMPD/xdg.

SC_BUILDDIR=${SC_BUILDDIR:-.}
SC_BIN=${SC_BIN:-$SC_BUILDDIR/src/statuscodes}
STATUSCODES_DB=${STATUSCODES_DB:-$SC_BUILDDIR/db/statuscodes.db}
SC_TIMEOUT=${SC_TUI_TIMEOUT:-20}   # seconds to wait for a screen

if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux not found: skipping the browser tests"
	exit 77
fi
if [ ! -x "$SC_BIN" ] || [ ! -f "$STATUSCODES_DB" ]; then
	echo "not found: $SC_BIN or $STATUSCODES_DB (build src/statuscodes and db/statuscodes.db first)" >&2
	exit 99
fi

unset TMUX TMUX_PANE
TMPD=$(mktemp -d "${TMPDIR:-/tmp}/sc-tui.XXXXXX") || exit 99
# sanitizer reports (a --enable-sanitizers build) of every session land here
SC_SAN=$TMPD/sanitizers
mkdir -p "$SC_SAN"
SC_SOCKET=sc-test-$$
T="tmux -f /dev/null -L $SC_SOCKET"
sc_cleanup() {
	_sock=$($T display -p '#{socket_path}' 2>/dev/null)
	$T kill-server >/dev/null 2>&1
	[ -n "$_sock" ] && rm -f "$_sock"
	rm -rf "$TMPD"
}
trap sc_cleanup EXIT
trap 'exit 1' INT TERM HUP PIPE

# q WORD: WORD quoted for sh.
q() {
	printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"
}

# sc_start SESSION COLS ROWS [VAR=VALUE...] [-- ARG...]: runs the browser in
# a new detached session of that size, in UTF-8 unless the variables say
# otherwise. Its pid goes to $TMPD/SESSION.pid, its exit status to
# $TMPD/SESSION.rc, its stderr to $TMPD/SESSION.err; after it exits the
# shell records `stty -a` in $TMPD/SESSION.stty and the pane stays open.
# The pane's shell survives Ctrl-C (a trap, which the browser does not
# inherit as "ignored") so that it can record the status.
sc_start() {
	_s=$1 _w=$2 _h=$3
	shift 3
	_env="LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_DATA_HOME=$(q "${SC_XDG:-$TMPD/xdg}") STATUSCODES_DB=$(q "$STATUSCODES_DB")"
	_env="$_env $(q "ASAN_OPTIONS=log_path=$SC_SAN/asan:detect_leaks=1:detect_stack_use_after_return=1")"
	_env="$_env $(q "UBSAN_OPTIONS=log_path=$SC_SAN/ubsan:print_stacktrace=1:halt_on_error=1")"
	_env="$_env $(q "LSAN_OPTIONS=log_path=$SC_SAN/lsan")"
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		_env="$_env $(q "$1")"
		shift
	done
	[ "${1-}" = "--" ] && shift
	_args=
	for _a in "$@"; do _args="$_args $(q "$_a")"; done
	rm -f "$TMPD/$_s.rc" "$TMPD/$_s.pid" "$TMPD/$_s.stty"
	_inner="echo \$\$ > $(q "$TMPD/$_s.pid"); exec env $_env $(q "$SC_BIN")$_args 2>$(q "$TMPD/$_s.err")"
	$T new-session -d -s "$_s" -x "$_w" -y "$_h" \
		"trap : INT; sh -c $(q "$_inner"); echo rc=\$? > $(q "$TMPD/$_s.rc"); stty -a > $(q "$TMPD/$_s.stty") 2>&1; exec sleep 600"
}

# sc_keys SESSION KEY...: tmux key names (Enter, Escape, C-d, ...).
sc_keys() {
	_s=$1
	shift
	$T send-keys -t "$_s" "$@"
}

# sc_type SESSION TEXT: literal text, Chinese included.
sc_type() {
	$T send-keys -t "$1" -l "$2"
}

sc_resize() {
	$T resize-window -t "$1" -x "$2" -y "$3"
}

sc_screen() {
	$T capture-pane -p -t "$1" 2>/dev/null
}

# sc_wait SESSION TEXT...: until every TEXT is on the screen (fixed
# strings); 1 on timeout.
sc_wait() {
	_s=$1
	shift
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while :; do
		_scr=$(sc_screen "$_s")
		_all=1
		for _t in "$@"; do
			case $_scr in *"$_t"*) ;; *) _all=0; break ;; esac
		done
		[ $_all = 1 ] && return 0
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

# sc_wait_gone SESSION TEXT: until TEXT is no longer on the screen.
sc_wait_gone() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while :; do
		case $(sc_screen "$1") in *"$2"*) ;; *) return 0 ;; esac
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

# sc_wait_line SESSION LINE PATTERN: until screen line LINE (1-based)
# matches the grep -E PATTERN.
sc_wait_line() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while :; do
		sc_screen "$1" | sed -n "$2p" | grep -E -q -- "$3" && return 0
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.05
	done
}

# sc_wait_exit SESSION: until the browser has exited; prints its status.
sc_wait_exit() {
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	while [ ! -s "$TMPD/$1.rc" ]; do
		[ "$(date +%s)" -ge "$_end" ] && { echo timeout; return 1; }
		sleep 0.05
	done
	# the stty line is written right after the status
	while [ ! -s "$TMPD/$1.stty" ] && [ "$(date +%s)" -lt "$_end" ]; do sleep 0.05; done
	sed -n 's/^rc=//p' "$TMPD/$1.rc"
}

# sc_running SESSION: is the browser still running?
sc_running() {
	[ ! -e "$TMPD/$1.rc" ]
}

# sc_idle SESSION: until the browser waits for input (it has read what was
# sent so far), as far as /proc tells; at most SC_TIMEOUT seconds.
sc_idle() {
	_pid=$(cat "$TMPD/$1.pid" 2>/dev/null)
	_end=$(( $(date +%s) + SC_TIMEOUT ))
	[ -r "/proc/$_pid/wchan" ] || return 0
	while sc_running "$1"; do
		case $(cat "/proc/$_pid/wchan" 2>/dev/null) in
		*poll*|*select*) return 0 ;;
		esac
		[ "$(date +%s)" -ge "$_end" ] && return 1
		sleep 0.01
	done
}

# sc_sanitizer_clean: true when no session left a sanitizer report; else
# shows the reports.
sc_sanitizer_clean() {
	[ -z "$(ls "$SC_SAN")" ] && return 0
	for _f in "$SC_SAN"/*; do
		echo "#   $_f:"
		head -60 "$_f" | sed 's/^/#   /'
	done
	return 1
}

sc_kill_session() {
	$T kill-session -t "$1" >/dev/null 2>&1
}

# X10 mouse report for button code B at 0-based column X, row Y, as the
# hex bytes send-keys -H takes.
sc_mouse_hex() {
	printf '1b 5b 4d %x %x %x' $(( $1 + 32 )) $(( $2 + 33 )) $(( $3 + 33 ))
}

# sc_click SESSION X Y: a left click (press and release). (The hex bytes
# are meant to be split into words.)
# shellcheck disable=SC2046
sc_click() {
	$T send-keys -t "$1" -H $(sc_mouse_hex 0 "$2" "$3") $(sc_mouse_hex 3 "$2" "$3")
}

# sc_double_click SESSION X Y
# shellcheck disable=SC2046
sc_double_click() {
	$T send-keys -t "$1" -H $(sc_mouse_hex 0 "$2" "$3") $(sc_mouse_hex 3 "$2" "$3") \
		$(sc_mouse_hex 0 "$2" "$3") $(sc_mouse_hex 3 "$2" "$3")
}

# sc_wheel SESSION X Y up|down
# shellcheck disable=SC2046
sc_wheel() {
	$T send-keys -t "$1" -H $(sc_mouse_hex $([ "$4" = up ] && echo 64 || echo 65) "$2" "$3")
}

# sc_check DESC SESSION CMD...: runs CMD and prints "ok N - DESC" or "not ok
# N - DESC" with SESSION's screen and stderr (none when SESSION is empty);
# counts in sc_pass and sc_fail. Every tmux test reports through it.
sc_pass=0
sc_fail=0
sc_check() {
	_desc=$1 _sess=$2
	shift 2
	if "$@"; then
		sc_pass=$((sc_pass + 1))
		echo "ok $((sc_pass + sc_fail)) - $_desc"
	else
		sc_fail=$((sc_fail + 1))
		echo "not ok $((sc_pass + sc_fail)) - $_desc"
		if [ -n "$_sess" ]; then
			sc_screen "$_sess" | sed 's/^/#   |/'
			[ -s "$TMPD/$_sess.err" ] && sed 's/^/#   stderr: /' "$TMPD/$_sess.err"
		fi
	fi
	return 0
}

# sc_skip DESC: an "ok N - DESC # SKIP" line.
sc_skip() {
	sc_pass=$((sc_pass + 1))
	echo "ok $((sc_pass + sc_fail)) - $1 # SKIP"
}

# sc_done: the totals; true when nothing failed (the script's last command).
sc_done() {
	echo "$sc_pass passed, $sc_fail failed"
	[ "$sc_fail" -eq 0 ]
}
