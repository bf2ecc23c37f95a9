#!/bin/sh
# Every JSON output form against docs/statuscodes.schema.json, and whole
# documents compared with each other (tests/cli/json_check.py). The user
# databases quiz --stats, bookmarks and history read are made here, in a
# temporary directory ($SC_JSON_TMP): none (a new user), studied (four
# answers, two right) and v1 (tests/data/userdata-v1.db, with a bookmark
# and a visit of codes the database does not have).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" -c 'import jsonschema' 2>/dev/null || { echo "python3-jsonschema is not installed: skipping"; exit 77; }
. "${SC_SRCDIR:-.}/tests/cli/lib.sh"
STATUSCODES_DB=$refdb
export LC_ALL=C.UTF-8 TZ=UTC STATUSCODES_NOW=1700000000 STATUSCODES_DB
SC_JSON_TMP=$tmp
# no case reads or writes the user's own data, nor make check's
HOME=$SC_JSON_TMP/home XDG_DATA_HOME=$SC_JSON_TMP/none
export SC_JSON_TMP HOME XDG_DATA_HOME
printf '2\n3\n1\n2\n' | XDG_DATA_HOME=$SC_JSON_TMP/studied ${SC_VALGRIND:-} "$bin" quiz --count 4 --seed 7 --new 4 \
	>/dev/null || { echo "not ok - a quiz to study with"; exit 1; }
mkdir -p "$SC_JSON_TMP/v1/statuscodes"
cp "$src/tests/data/userdata-v1.db" "$SC_JSON_TMP/v1/statuscodes/user.db"
chmod u+w "$SC_JSON_TMP/v1/statuscodes/user.db"
"$py" - "$SC_JSON_TMP/v1/statuscodes/user.db" <<'PY' || { echo "not ok - a user database of schema 1"; exit 1; }
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO bookmark(protocol, code, at) VALUES ('http', '299', 1700000000)")
db.execute("INSERT INTO visit(protocol, code, at) VALUES ('ftp', '999', 1700000000)")
db.commit()
PY
"$py" "$src/tests/cli/json_check.py" "$src/docs/statuscodes.schema.json" \
	"$src/tests/cli/json-cases" "$bin"
