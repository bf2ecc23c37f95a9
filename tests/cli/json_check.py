#!/usr/bin/python3
"""Validates statuscodes --json output against docs/statuscodes.schema.json
and compares whole documents with each other (see json-schema.sh).

Usage: json_check.py SCHEMA CASES BIN
CASES has one case a line: "DEF [NAME=VALUE]... ARGS..." (DEF names a $defs
entry; ARGS are split on spaces and run from the source directory, so
tests/explain/... names a sample). Before ARGS, NAME=VALUE words set up the
run: EXIT=N the exit status it must have (default 0), STDIN=FILE its
standard input (else /dev/null), any other NAME an environment variable;
{tmp} in VALUE is $SC_JSON_TMP (json-schema.sh makes the user databases
there). Every document must also be valid against the whole schema (its
anyOf). Prints TAP-like lines; exit 1 on any failure, 77 when
python3-jsonschema is missing.
"""
import json
import os
import re
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


srcdir = os.path.dirname(os.path.dirname(os.path.abspath(schema_path)))   # SCHEMA is in docs/
binary = os.path.abspath(binary)


def run(args, env, stdin):
    with open(os.path.join(srcdir, stdin) if stdin else os.devnull, "rb") as f:
        r = subprocess.run(wrap + [binary] + args + ["--json"], capture_output=True, cwd=srcdir,
                           stdin=f, env=dict(os.environ, NO_COLOR="1", **env))
    return r.returncode, r.stdout.decode("utf-8"), r.stderr.decode("utf-8", "replace")


def validate(name, doc):
    sub = dict(schema)
    if name:
        sub.pop("anyOf")
        sub["$ref"] = "#/$defs/" + name
    errors = sorted(jsonschema.Draft202012Validator(sub).iter_errors(doc), key=str)
    return "\n".join("%s: %s" % ("/".join(map(str, e.absolute_path)), e.message[:300]) for e in errors[:5])


docs = {}
tmp = os.environ.get("SC_JSON_TMP", "")
with open(cases_path, encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, *args = line.split()
        want, stdin, env, setup = 0, None, {}, []
        while args and re.match(r"[A-Z][A-Z0-9_]*=", args[0]):
            setup.append(args[0])
            key, value = args.pop(0).split("=", 1)
            value = value.replace("{tmp}", tmp)
            if key == "EXIT":
                want = int(value)
            elif key == "STDIN":
                stdin = value
            else:
                env[key] = value
        rc, out, err = run(args, env, stdin)
        what = "%sstatuscodes %s --json" % ("".join(s + " " for s in setup), " ".join(args))
        if rc != want:
            result(False, what, "status %d, not %d: %s" % (rc, want, err))
            continue
        try:
            doc = json.loads(out)       # the whole output is one document
        except ValueError as e:
            result(False, what + ": one JSON document", e)
            continue
        errs = validate(name, doc)
        result(not errs, what + ": valid " + name, errs)
        whole = validate(None, doc)
        result(not whole, what + ": valid against the whole schema", whole)
        if not errs:                    # the comparisons below read valid documents only
            docs[" ".join(setup + args)] = doc


def same(a, b, what):
    result(a is not None and a == b, what, "%s\n!=\n%s" % (json.dumps(a)[:400], json.dumps(b)[:400]))


# JSON carries both languages whatever --lang says: the same whole document
for base, langs in (("show 404", "en zh both"), ("compare 401 403", "en zh both"), ("search cache", "en zh both"),
                    ("list 40x", "en zh both"), ("compare 401 403 407", "zh"), ("explain tests/explain/codes.txt", "zh")):
    for lang in langs.split():
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

# compare with three codes: the entries are show's, each note is about a
# pair of them, in order
three = docs.get("compare 401 403 407") or {}
same(three.get("entries"), sum((docs.get("show " + c) or [None] for c in ("401", "403", "407")), []),
     "compare 401 403 407: its entries are show 401, 403 and 407")
pairs = [(n["a"], n["b"]) for n in three.get("notes", [])]
result(pairs and pairs == sorted(pairs) and all(a in ("401", "403", "407") and b in ("401", "403", "407") and a < b
                                                for a, b in pairs),
       "compare 401 403 407: each note names two of the three, in order", pairs)


# explain: the counts add up, shares are count / total, classes are the
# codes' classes, every item's code is a code seen
def explain_sums(key):
    reports = docs.get(key)
    if reports is None:
        return
    for r in reports:
        total = sum(c["count"] for c in r["codes"])
        classes = {}
        for c in r["codes"]:
            classes[(c["protocol"], c["class"])] = classes.get((c["protocol"], c["class"]), 0) + c["count"]
        seen = {(c["protocol"], c["code"]) for c in r["codes"]}
        bad = [c["code"] for c in r["codes"] if abs(c["share"] - c["count"] / total) > 0.00005]
        bad += [c["class"] for c in r["classes"] if abs(c["share"] - c["count"] / total) > 0.00005]
        result(total == r["with_status"] and not bad and
               {(c["protocol"], c["class"]): c["count"] for c in r["classes"]} == classes and
               all((i["protocol"], i["code"]) in seen for i in r["items"]) and
               [c["count"] for c in r["codes"]] == sorted((c["count"] for c in r["codes"]), reverse=True),
               "%s: %s: counts add up to with_status, shares, classes, items' codes, most seen first" % (key, r["input"]),
               "total %d with_status %d; shares off: %s" % (total, r["with_status"], bad))


for key in list(docs):
    if "explain" in key.split():
        explain_sums(key)
stdin = docs.get("STDIN=tests/explain/curl-sIL-chain.txt explain")
fromfile = docs.get("explain tests/explain/curl-sIL-chain.txt")
same([dict(r, input=None) for r in stdin] if stdin else None,
     [dict(r, input=None) for r in fromfile] if fromfile else None,
     "explain on standard input: the report of the file, named -")
result(stdin is not None and stdin[0]["input"] == "-", "explain on standard input: named -")
same(docs.get("explain tests/explain/codes.txt tests/explain/ws-close.txt"),
     (docs.get("explain tests/explain/codes.txt") or []) + (docs.get("explain tests/explain/ws-close.txt") or []),
     "explain with two files: the report of each, in order")
same(docs.get("EXIT=4 explain tests/explain/codes.txt /nonexistent/access.log"), docs.get("explain tests/explain/codes.txt"),
     "explain with a file that cannot be read: the others' reports only")


# quiz --stats: the totals are the sums of the groups; nothing due that
# was never studied; --protocol keeps that protocol's groups
def stats_sums(key):
    s = docs.get(key)
    if s is None:
        return
    sums = {k: sum(g[k] for g in s["groups"]) for k in ("cards", "studied", "due", "reviews")}
    result(all(s[k] == sums[k] for k in sums) and
           all(g["due"] <= g["studied"] <= g["cards"] and g["studied"] <= g["reviews"] for g in s["groups"] + [s]),
           key + ": the totals are the groups' sums; due <= studied <= cards, studied <= reviews",
           "%s\n%s" % ({k: s[k] for k in sums}, sums))


for key in list(docs):
    if "--stats" in key.split():
        stats_sums(key)
# one language, one deck (docs/STUDY.md: en-zh and zh-en cards only with --lang both)
same(docs.get("quiz --stats --lang zh"), docs.get("quiz --stats --lang en"), "quiz --stats --lang zh: the --lang en document")
one, both = docs.get("quiz --stats --lang en"), docs.get("quiz --stats")
result(one and both and [(g["protocol"], g["class"]) for g in one["groups"]] == [(g["protocol"], g["class"]) for g in both["groups"]]
       and all(a["cards"] <= b["cards"] for a, b in zip(one["groups"], both["groups"])) and one["cards"] < both["cards"],
       "quiz --stats: --lang both has the groups of --lang en, and more cards")
for base, proto in (("quiz --stats", "websocket"), ("XDG_DATA_HOME={tmp}/studied quiz --stats", "http")):
    full = docs.get(base)
    part = docs.get(base + " --protocol " + proto)
    same(part.get("groups") if part else None, [g for g in full["groups"] if g["protocol"] == proto] if full else None,
         base + " --protocol " + proto + ": that protocol's groups")
studied = docs.get("XDG_DATA_HOME={tmp}/studied quiz --stats") or {}
result((studied.get("studied"), studied.get("reviews"), studied.get("retention")) == (4, 4, 0.5),
       "quiz --stats after four answers, two right: 4 studied, 4 reviews, retention 0.5",
       "%s" % {k: v for k, v in studied.items() if k != "groups"})

# bookmarks and history: a row is list's row of that code, whole; a name
# alone is a code the database does not have
rows = {}
for p in ("http", "ftp", "websocket"):
    for r in docs.get("list " + p) or []:
        rows[(r["protocol"], r["code"])] = r
for key in ("bookmarks", "history"):
    result(docs.get(key) == [], key + " of a new user: []")
    for k in [d for d in docs if d.startswith("XDG_DATA_HOME={tmp}/v1 " + key)]:
        got = docs[k]
        result(got is not None and len(got) > 0 and
               all(rows.get((r["protocol"], r["code"])) == (r if len(r) > 2 else None) for r in got),
               k + ": list's rows, and names alone of codes the database does not have",
               [(r["protocol"], r["code"], len(r)) for r in got or []])
same([(r["protocol"], r["code"]) for r in docs.get("XDG_DATA_HOME={tmp}/v1 history --limit 2") or []],
     [(r["protocol"], r["code"]) for r in (docs.get("XDG_DATA_HOME={tmp}/v1 history") or [])[-2:]],
     "history --limit 2: the last two visits, most recent last")

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
