#!/bin/sh
# signals.sh: every signal whose default action ends the process, sent to
# the browser in tmux, must leave the terminal as it was: cooked mode with
# echo, the normal screen, no mouse tracking, the cursor shown; and the
# browser must die of that signal (status 128 + N), as the shell expects.
# abort() is SIGABRT. Exits 77 (skip) without tmux, 1 when a check fails.
#
# Environment: SC_BUILDDIR, STATUSCODES_DB (make check sets both),
# SC_TUI_TIMEOUT (seconds to wait for a screen, default 20).

here=$(dirname "$0")
. "$here/lib.sh"

# The signals by name (kill -l), each with the status it must end with.
# Crash signals (SEGV, BUS, FPE) are tested in tui-test.sh; under
# AddressSanitizer they belong to its report.
sigs="QUIT USR1 USR2 ALRM PIPE VTALRM PROF XCPU XFSZ IO PWR SYS TRAP ABRT ILL RTMIN RTMAX"
case $(uname -s) in Linux) sigs="$sigs STKFLT" ;; esac
if ldd "$SC_BIN" 2>/dev/null | grep -q libasan; then
	# ASan reports and dies on these (handle_sigill etc. vary by version)
	sigs=$(echo "$sigs" | sed 's/ ILL//; s/ TRAP//')
fi

# num_of NAME: the signal's number, from the shell's own list (kill -l
# prints the names in order of number, from 0); empty when unknown.
num_of() {
	_n=$(kill -l "$1" 2>/dev/null) && case $_n in ''|*[!0-9]*) ;; *) echo "$_n"; return ;; esac
	kill -l 2>/dev/null | tr ' ' '\n' | awk -v s="$1" '$0 == s || $0 == "SIG" s { print NR - 1; exit }'
}

# restored SESSION: after the exit the tty is cooked with echo, the
# alternate screen is off, the mouse is not tracked and the cursor shows.
restored() {
	grep -Eq '(^| )icanon( |$)' "$TMPD/$1.stty" && grep -Eq '(^| )echo( |$)' "$TMPD/$1.stty" || {
		echo "#   tty not restored:$(grep -Eo -- "(^| )-?(icanon|echo)( |$)" "$TMPD/$1.stty" | tr -d "\n")"; return 1; }
	_f=$($T display -p -t "$1" '#{alternate_on}#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{cursor_flag}')
	[ "$_f" = 00001 ] || { echo "#   alternate, mouse any/standard/button, cursor: $_f (want 00001)"; return 1; }
}

# all sessions at once, then the signals, then the checks
for s in $sigs; do
	[ -n "$(num_of "$s")" ] || continue
	sc_start "sig$s" 80 24
done
for s in $sigs; do
	[ -n "$(num_of "$s")" ] || continue
	sc_wait "sig$s" "Continue" >/dev/null
	sc_idle "sig$s"
	kill -s "$(num_of "$s")" "$(cat "$TMPD/sig$s.pid")"
done
for s in $sigs; do
	num=$(num_of "$s")
	[ -n "$num" ] || continue
	rc=$(sc_wait_exit "sig$s")
	sc_check "SIG$s: dies of the signal ($((128 + num)))" "sig$s" test "$rc" = "$((128 + num))"
	sc_check "  ... with the terminal restored" "sig$s" restored "sig$s"
done

sc_done
