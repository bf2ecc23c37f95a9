#!/bin/sh
# valgrind-session.sh: a scripted browser session under valgrind (not part
# of make check: slow). Every pane, overlay and prompt, resizes to 1x1 and
# back, then q. Passes when valgrind reports no error and nothing
# definitely or indirectly lost.
#
#   SC_BUILDDIR=build STATUSCODES_DB=build/db/statuscodes.db tests/tui/valgrind-session.sh

here=$(dirname "$0")
. "$here/lib.sh"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not found: skipping"; exit 77; }
SC_TIMEOUT=${SC_TUI_TIMEOUT:-120}
vlog=$TMPD/valgrind.log
real_bin=$SC_BIN
SC_BIN=$TMPD/vg.sh
cat > "$SC_BIN" <<EOS
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect \
	--errors-for-leak-kinds=definite,indirect --log-file=$(q "$vlog") $(q "$real_bin") "\$@"
EOS
chmod +x "$SC_BIN"

sc_start vg 120 40
step() { # step TEXT KEYS...: send KEYS, then wait for TEXT
	_want=$1
	shift
	sc_keys vg "$@"
	sc_wait vg "$_want" || { echo "timeout waiting for: $_want"; sc_screen vg; exit 1; }
}
sc_wait vg "Continue" || { echo "did not start"; cat "$vlog"; exit 1; }
step "HTTP 404  Not Found" 4 0 4
step "Cross-references" Enter Enter
step "HTTP 410  Gone" Enter
step "HTTP 404  Not Found" '['
step "Compare" c
step "HTTP 404" Escape
step "/" /
sc_type vg 缓存
sc_wait vg "Not Modified" || exit 1
sc_resize vg 40 12
step "Not Modified" Down Up
sc_resize vg 1 1
sc_resize vg 120 40
step "Search" Enter
step "result 2" n
step "Bookmarks" Escape m M
step "History" Escape H
step "Keys (" Escape '?'
step "[EN]" Escape L
step "[中文]" L
step "[EN+中文]" L
step "with (a code" 4 0 1 C
sc_type vg 'ftp 530'
step "FTP 530" Enter
step "HTTP 401" q Tab Tab Tab G g C-d C-u PageDown PageUp BSpace BSpace h
sc_keys vg q
rc=$(sc_wait_exit vg)
echo "exit status: $rc"
cat "$vlog"
[ "$rc" = 0 ] && [ ! -s "$vlog" ] && echo "valgrind: clean"
