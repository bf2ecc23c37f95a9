#!/usr/bin/python3
"""Line and branch coverage per layer (src/LAYER/) from gcovr's JSON summary.

Usage: layers.py SUMMARY.json [--check]
Prints one row per layer and a total; the layers the issue sets targets for
(core, store, import, view: 90% of lines, 75% of branches) are marked, and
with --check a miss makes the exit status 1.
"""
import json
import sys

TARGETS = {"core", "store", "import", "view"}
LINE_TARGET, BRANCH_TARGET = 90.0, 75.0


def layer_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "src" else "main"


def pct(covered, total):
    return 100.0 * covered / total if total else 100.0


def main(argv):
    if len(argv) < 2:
        sys.exit("usage: layers.py SUMMARY.json [--check]")
    with open(argv[1], encoding="utf-8") as f:
        files = json.load(f)["files"]
    rows = {}
    for fl in files:
        r = rows.setdefault(layer_of(fl["filename"]), [0, 0, 0, 0])
        r[0] += fl["line_covered"]
        r[1] += fl["line_total"]
        r[2] += fl["branch_covered"]
        r[3] += fl["branch_total"]
    total = [sum(r[i] for r in rows.values()) for i in range(4)]
    print("%-8s %16s %16s  %s" % ("layer", "lines", "branches", "target 90% / 75%"))
    missed = False
    for name in sorted(rows) + ["all"]:
        r = total if name == "all" else rows[name]
        lp, bp = pct(r[0], r[1]), pct(r[2], r[3])
        mark = ""
        if name in TARGETS:
            ok = lp >= LINE_TARGET and bp >= BRANCH_TARGET
            missed |= not ok
            mark = "met" if ok else "short"
        print("%-8s %5.1f%% %4d/%-5d %5.1f%% %4d/%-5d  %s"
              % (name, lp, r[0], r[1], bp, r[2], r[3], mark))
    return 1 if missed and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
