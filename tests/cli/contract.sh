#!/bin/sh
# The CLI contract as a table (issue 16, item 1): every command x output form
# (terminal, pipe, --format=line, --json) x language (--lang en|zh|both) x
# the options that apply, from tests/cli/contract-cases, against golden
# files in tests/cli/golden read by a person. Each row also states the exit
# status, and the rows reach every documented one (0 1 2 3 4; 70 no input
# reaches on purpose). Every JSON output is validated against
# docs/statuscodes.schema.json and compared whole (tests/cli/contract_json.py).
# SC_UPDATE_GOLDEN=1 rewrites the golden files: read every diff before
# committing.
py=/usr/bin/python3
[ -x "$py" ] || py=python3
command -v script >/dev/null 2>&1 || { echo "1..0 # SKIP script(1) is not installed"; exit 77; }
"$py" -c 'import jsonschema' 2>/dev/null || { echo "1..0 # SKIP python3-jsonschema is not installed"; exit 77; }
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
dir=$src/tests/cli/golden
XDG_DATA_HOME=$tmp/xdg LC_ALL=C.UTF-8 TZ=UTC STATUSCODES_NOW=1700000000
export XDG_DATA_HOME LC_ALL TZ STATUSCODES_NOW
unset STATUSCODES_LANG STATUSCODES_PAGER PAGER

# run_form FORM ARGS...: stdout (and stderr after "--- stderr") in $tmp/out,
# the status in $rc
run_form() {
	form=$1; shift
	case $form in
	tty)
		# shellcheck disable=SC2016
		SC_BIN=$bin script -qec "stty rows 200 cols 80; cd '$src'; \${SC_VALGRIND:-} \"\$SC_BIN\" --no-pager $*; echo \"exit: \$?\"" /dev/null \
			</dev/null | tr -d '\r' >"$tmp/raw"
		rc=$(sed -n 's/^exit: //p' "$tmp/raw" | tail -1)
		sed '$d' "$tmp/raw" >"$tmp/out"
		;;
	*)
		extra=
		[ "$form" = line ] && extra=--format=line
		[ "$form" = json ] && extra=--json
		# shellcheck disable=SC2086
		(cd "$src" && ${SC_VALGRIND:-} "$bin" "$@" $extra </dev/null >"$tmp/out" 2>"$tmp/err")
		rc=$?
		if [ -s "$tmp/err" ]; then { echo '--- stderr'; cat "$tmp/err"; } >>"$tmp/out"; fi
		;;
	esac
}

# def ARGS...: the schema's $defs entry for statuscodes ARGS --json (-: none)
def() {
	case " $* " in *" --coverage "*) echo coverage; return ;; *" --stats "*) echo stats; return ;; esac
	for a in "$@"; do
		case $a in
		show|list|search|compare|sources|explain|bookmarks|history) echo "$a"; return ;;
		quiz) echo -; return ;;	# only --stats prints JSON
		-*) ;;
		*) echo show; return ;;
		esac
	done
	echo show
}

db=$refdb
statuses=' ' n=0
: >"$tmp/json.list"
while read -r id forms langs status args; do
	case $id in ''|'#'*) continue ;; esac
	args=$(echo "$args" | sed "s|@DB@|$db|g")
	for form in $(echo "$forms" | tr , ' '); do
		for lang in $(echo "$langs" | tr , ' '); do
			if [ "$lang" = - ]; then la=; else la="--lang $lang"; fi
			what="$id: statuscodes $args $la ($form)"
			if [ "$form" = json ]; then gold=$dir/$id.json; else gold=$dir/$id.$form-$lang.out; fi
			set -f
			# shellcheck disable=SC2086
			run_form "$form" $args $la
			set +f
			case $statuses in *" $rc "*) ;; *) statuses="$statuses$rc " ;; esac
			if [ "$rc" != "$status" ]; then not_ok "$what: exit status $rc, not $status"; continue; fi
			if [ "$form" = json ]; then
				# stdout to the JSON check at the end, stderr compared here
				n=$((n + 1))
				sed -n '/^--- stderr$/,$p' "$tmp/out" >"$tmp/j$n.err"
				sed '/^--- stderr$/,$d' "$tmp/out" >"$tmp/j$n.json"
				if [ "$status" != 0 ]; then
					# a failure prints nothing on stdout, only its message
					if [ -s "$tmp/j$n.json" ]; then not_ok "$what: no output on stdout"; continue; fi
					gold=$dir/$id.json-stderr-$lang.out
					mv "$tmp/j$n.err" "$tmp/out"
				else
				printf '%s\t%s\t%s\t%s\n' "$tmp/j$n.json" "$(def $args)" "$gold" "$what" >>"$tmp/json.list"
				[ -s "$tmp/j$n.err" ] || continue
				gold=$dir/$id.json-stderr-$lang.out
				mv "$tmp/j$n.err" "$tmp/out"
				fi
			fi
			if [ "${SC_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$tmp/out" "$gold"; fi
			if [ -f "$gold" ] && cmp -s "$tmp/out" "$gold"; then
				ok "$what"
			else
				not_ok "$what: differs from ${gold#"$src/"}"
				[ -f "$gold" ] && diff -u "$gold" "$tmp/out" | head -30 | sed 's/^/#   /'
			fi
		done
	done
done <"$src/tests/cli/contract-cases"

# the JSON outputs: valid against the schema, whole documents equal
"$py" "$src/tests/cli/contract_json.py" "$src/docs/statuscodes.schema.json" "$tmp/json.list" >"$tmp/json.out"
sed '$d' "$tmp/json.out"
set -- $(tail -1 "$tmp/json.out")
pass=$((pass + ${1:-0})) fail=$((fail + ${2:-1}))

# every exit status of --help's list but 70 is reached by some row
for s in $(LANG=C.UTF-8 "$bin" --help | sed -n '/^Exit status:/,/^$/s/^  \([0-9][0-9]*\) .*/\1/p'); do
	[ "$s" = 70 ] && continue
	case $statuses in *" $s "*) ok "exit status $s is reached" ;; *) not_ok "exit status $s (--help) is reached by no row" ;; esac
done

tests_done
