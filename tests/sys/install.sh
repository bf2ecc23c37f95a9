#!/bin/sh
# install.sh: the program works wherever it is installed (issue 14 item 1).
# Installs the build into two prefixes (make install prefix=X, and DESTDIR
# staging with prefix=/usr), moves one, and checks that each finds its own
# database without --db or STATUSCODES_DB; that the installed man page has
# its version substituted (the Chinese one too, under man/zh_CN); and that
# a missing database's message (exit 3) names both ways to choose another
# one.
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
unset STATUSCODES_DB LC_ALL
export XDG_DATA_HOME="$tmp/xdg"

inst() { ${MAKE:-make} -s -C "$build" install "$@" >"$tmp/make.log" 2>&1 || { cat "$tmp/make.log"; exit 99; }; }
# answers BIN: the installed program answers 404 from the database it found
answers() {
	"$1" 404 --lang en </dev/null >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" -eq 0 ] && grep -q '^HTTP 404 Not Found' "$tmp/out"
}

inst prefix="$tmp/a"
if answers "$tmp/a/bin/statuscodes"; then ok "make install prefix=X: finds X/share/statuscodes"; else not_ok "prefix install: rc=$rc $(cat "$tmp/err")"; fi

for f in bash-completion/completions/statuscodes zsh/site-functions/_statuscodes fish/vendor_completions.d/statuscodes.fish; do
	if [ -s "$tmp/a/share/$f" ]; then ok "completion installed inside the prefix: share/$f"; else not_ok "no share/$f in the prefix"; fi
done

mv "$tmp/a" "$tmp/moved"
if answers "$tmp/moved/bin/statuscodes"; then ok "a moved install finds its database beside it"; else not_ok "moved install: rc=$rc $(cat "$tmp/err")"; fi

inst DESTDIR="$tmp/stage" prefix=/usr
if answers "$tmp/stage/usr/bin/statuscodes"; then ok "DESTDIR staging with prefix=/usr works from the stage"; else not_ok "DESTDIR install: rc=$rc $(cat "$tmp/err")"; fi

man="$tmp/moved/share/man/man1/statuscodes.1"
th=$(sed -n '/^\.TH/p' "$man")
version=$("$tmp/moved/bin/statuscodes" --version </dev/null | sed -n '1s/.* //p')
case "$th" in
*@*) not_ok "man page .TH still has a placeholder: $th" ;;
*"statuscodes $version"*) ok "man page footer says statuscodes $version" ;;
*) not_ok "man page .TH lacks the version $version: $th" ;;
esac
if grep -q '@[A-Z]*@' "$man"; then not_ok "man page has an unsubstituted @WORD@"; else ok "man page has no @WORD@ left"; fi
zhman="$tmp/moved/share/man/zh_CN/man1/statuscodes.1"
if [ -s "$zhman" ] && grep -q '^\.SH 命令$' "$zhman" && grep -q "statuscodes $version" "$zhman" &&
	! grep -q '@[A-Z]*@' "$zhman"; then
	ok "the Chinese man page is installed as share/man/zh_CN/man1/statuscodes.1, substituted"
else
	not_ok "no substituted Chinese man page at $zhman"
fi

chmod -R u+w "$tmp/moved/share/statuscodes"
rm -f "$tmp/moved/share/statuscodes/statuscodes.db"
"$tmp/moved/bin/statuscodes" 404 </dev/null >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 3 ] && grep -q -- '--db' "$tmp/err" && grep -q 'STATUSCODES_DB' "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
	ok "no database: exit 3, one line naming --db and STATUSCODES_DB"
else
	not_ok "no database: rc=$rc: $(cat "$tmp/err")"
fi

tests_done
