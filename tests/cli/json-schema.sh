#!/bin/sh
# Every JSON output form against docs/statuscodes.schema.json, and whole
# documents compared with each other (tests/cli/json_check.py).
src=${SC_SRCDIR:-.}
py=/usr/bin/python3
[ -x "$py" ] || py=python3
export LANG=C.UTF-8 LC_ALL=C.UTF-8
exec "$py" "$src/tests/cli/json_check.py" "$src/docs/statuscodes.schema.json" \
	"$src/tests/cli/json-cases" "${SC_BUILDDIR:-.}/src/statuscodes"
