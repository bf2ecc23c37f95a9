# lib.sh: shared by the tests/rel scripts (reliability: hostile databases,
# documents, signals, limits). Sourced, not run: tests/cli/lib.sh's set-up
# (src, bin, tmp, ok, not_ok, check, run) and what these scripts add. Each
# test prints TAP-like "ok"/"not ok" lines and calls rel_done at the end.
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
unset LC_ALL

# sc ARGS...: lib.sh's run (stdout to $tmp/out, stderr to $tmp/err, $rc).
sc() { run "$@"; }
# Is there no ESC (nor BEL) byte in the files named?
no_raw_controls() { ! grep -q "$(printf '[\033\007]')" "$@"; }
# lacks PATTERN FILE...: ok when no line matches
lacks() { ! grep -q -- "$@"; }
need() { command -v "$1" >/dev/null 2>&1 || { echo "ok - # SKIP $1 is not installed"; exit 77; }; }
rel_done() { tests_done; }
