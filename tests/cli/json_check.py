#!/usr/bin/python3
"""Validates statuscodes --json output against docs/statuscodes.schema.json
and compares whole documents with each other (see json-schema.sh).

Usage: json_check.py SCHEMA CASES BIN
CASES has one case a line: "DEF ARGS..." (DEF names a $defs entry; ARGS
are split on spaces). Prints TAP-like lines; exit 1 on any failure, 77 when
python3-jsonschema is missing.
"""
import json
import os
import shlex
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: skipping")
    sys.exit(77)

schema_path, cases_path, binary = sys.argv[1:4]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
wrap = shlex.split(os.environ.get("SC_VALGRIND", ""))
passed = failed = 0


def result(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok - " + what)
    else:
        failed += 1
        print("not ok - " + what)
        for line in str(detail).splitlines()[:12]:
            print("#   " + line)


def run(args):
    r = subprocess.run(wrap + [binary] + args + ["--json"], capture_output=True,
                       stdin=subprocess.DEVNULL, env=dict(os.environ, NO_COLOR="1"))
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def validate(name, doc):
    sub = dict(schema)
    sub.pop("oneOf")
    sub["$ref"] = "#/$defs/" + name
    errors = sorted(jsonschema.Draft202012Validator(sub).iter_errors(doc), key=str)
    return "\n".join("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message) for e in errors[:5])


docs = {}
with open(cases_path, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, *args = line.split()
        rc, out, err = run(args)
        what = "statuscodes %s --json" % " ".join(args)
        if rc != 0:
            result(False, what, "status %d: %s" % (rc, err))
            continue
        try:
            doc = json.loads(out)       # the whole output is one document
        except ValueError as e:
            result(False, what + ": one JSON document", e)
            continue
        errs = validate(name, doc)
        result(not errs, what + ": valid " + name, errs)
        docs[" ".join(args)] = doc


def same(a, b, what):
    result(a is not None and a == b, what, "%s\n!=\n%s" % (json.dumps(a)[:400], json.dumps(b)[:400]))


# JSON carries both languages whatever --lang says: the same whole document
for base in ("show 404", "compare 401 403", "search cache", "list 40x"):
    for lang in ("en", "zh", "both"):
        same(docs.get(base + " --lang " + lang), docs.get(base), base + " --lang " + lang + ": the same document")
# the entries in a comparison are the entries show prints, whole
same(docs.get("compare 401 403", {}).get("entries"), (docs.get("show 401") or []) + (docs.get("show 403") or []),
     "compare 401 403: its entries are show 401 and show 403")
# --limit keeps the head of the ranking, whole rows
for n in (1, 2, 5):
    full = docs.get("search cache")
    same(docs.get("search cache -n %d" % n), full[:n] if full else None,
         "search cache -n %d: the first %d rows of search cache" % (n, n))
# a protocol filter keeps the rows of that protocol, in order
alls = docs.get("search login")
same(docs.get("search -p ftp login"), [r for r in alls if r["protocol"] == "ftp"] if alls else None,
     "search -p ftp login: the FTP rows of search login")
same(docs.get("list 40x"), [r for r in docs.get("list http 4xx", []) if r["code"].startswith("40")],
     "list 40x: the 40x rows of list http 4xx")
# show with two codes is show of each, concatenated
same(docs.get("show 404 500"), (docs.get("show 404") or []) + (docs.get("show 500") or []),
     "show 404 500: show 404 then show 500")
# the full-width query is the ASCII one
same(docs.get("search ４０９"), docs.get("search 409"), "search ４０９: the same rows as search 409")
# coverage counts the entries list prints
cov = docs.get("sources --coverage") or []
for c in cov:
    if c["protocol"] == "standard":   # the standard codes of every protocol (issue 12)
        continue
    rows = docs.get("list " + c["protocol"])
    result(rows is not None and c["entries"] == len(rows),
           "sources --coverage: %s has as many entries as list %s prints" % (c["protocol"], c["protocol"]))

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
