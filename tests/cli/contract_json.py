#!/usr/bin/python3
"""The JSON half of tests/cli/contract.sh, in one process (importing
jsonschema takes a second). Usage: contract_json.py SCHEMA LIST
LIST has one line a run: "OUTPUT<TAB>DEF<TAB>GOLDEN<TAB>WHAT". OUTPUT (the
program's stdout) must be one JSON document, valid against $defs/DEF of
SCHEMA (DEF - : a form the schema does not describe, only parsed), and the
whole document must equal the one in GOLDEN, which holds it indented, keys
in the program's order, for a person to read. SC_UPDATE_GOLDEN=1 writes
GOLDEN first. Prints ok / not ok lines and a last line "PASS FAIL"."""
import json
import os
import sys

import jsonschema

schema_path, list_path = sys.argv[1:3]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
update = os.environ.get("SC_UPDATE_GOLDEN") == "1"
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


def validate(name, doc):
    sub = dict(schema)
    sub.pop("anyOf", None)
    sub["$ref"] = "#/$defs/" + name
    errors = sorted(jsonschema.Draft202012Validator(sub).iter_errors(doc), key=str)
    return "\n".join("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message[:200]) for e in errors[:5])


with open(list_path, encoding="utf-8") as f:
    for line in f:
        out, name, gold, what = line.rstrip("\n").split("\t")
        with open(out, encoding="utf-8") as g:
            text = g.read()
        try:
            doc = json.loads(text)      # the whole output is one document
        except ValueError as e:
            result(False, what + ": one JSON document", e)
            continue
        if name != "-":
            errs = validate(name, doc)
            result(not errs, what + ": valid " + name, errs)
        pretty = json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
        if update:
            with open(gold, "w", encoding="utf-8") as g:
                g.write(pretty)
        try:
            with open(gold, encoding="utf-8") as g:
                want = json.load(g)
        except (OSError, ValueError) as e:
            result(False, what + ": golden " + gold, e)
            continue
        result(doc == want, what + ": the whole document is " + os.path.basename(gold),
               "%s\n!=\n%s" % (json.dumps(doc, ensure_ascii=False)[:300], json.dumps(want, ensure_ascii=False)[:300]))

print("%d %d" % (passed, failed))
