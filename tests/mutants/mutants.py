#!/usr/bin/python3
"""make check-mutants: mutation testing of src/ against the test suite.

Applies one small change at a time to a C file under src/ (the operators that
matter in C: flip a comparison, shift a bound by one, drop a condition from
&& or ||, swap two arguments of a call, replace a return value), rebuilds a
scratch copy of the tree (never the work tree), runs the suite there and
records whether some test failed ("killed") or all passed ("survived").

A mutant that does not compile is "stillborn"; one whose object code is the
same as the original's (the compiler proves the change has no effect) is
"same code": neither is counted. A test that runs past its timeout counts as
a kill (its process group and its tmux servers are ended).

Usage (from the build tree; see docs/TESTING.md):
  tests/mutants/mutants.py [--layer core,store] [--file text.c] [--max N]
                           [--seed S] [--operators ror,bound,cond,swap,ret]
                           [--report FILE] [--keep DIR] [--list]
Only the Python 3 standard library is used.
"""

import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

OPERATORS = ("ror", "bound", "cond", "swap", "ret")
KEYWORDS = {"if", "while", "for", "switch", "return", "sizeof", "defined",
            "_Static_assert", "static_assert", "_Alignof", "alignof"}
# calls whose arguments we do not swap: formatting (a type error or a
# harmless reorder of varargs) and assertions
NO_SWAP = re.compile(r"printf|^assert$|^va_|^_?_?builtin|^SC_UNUSED$")


# --- reading C --------------------------------------------------------------

def mask_source(text):
    """Returns text with comments, string and character literals replaced by
    spaces (same length, newlines kept) and preprocessor lines blanked, so
    that operators are only found in code."""
    out = []
    i, n = 0, len(text)
    at_line_start = True
    while i < n:
        c = text[i]
        if at_line_start and c in " \t":
            out.append(c)
            i += 1
            continue
        if at_line_start and c == "#":
            # a directive, with its backslash continuations
            while i < n and text[i] != "\n":
                if text[i] == "\\" and i + 1 < n and text[i + 1] == "\n":
                    out.append(" \n")
                    i += 2
                    continue
                out.append(" ")
                i += 1
            continue
        at_line_start = False
        if c == "\n":
            at_line_start = True
            out.append(c)
            i += 1
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            j = min(j + 1, n)
            # keep the quotes so that an argument list stays well formed
            out.append(c + "\x01" * (j - i - 2) + c if j - i >= 2 else c)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def function_spans(masked):
    """Yields (start, end) offsets of top-level brace blocks: function bodies
    and initialisers; mutants are only made inside them."""
    depth, start = 0, None
    for i, c in enumerate(masked):
        if c == "{":
            if depth == 0:
                start = i
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0 and start is not None:
                yield start, i + 1
                start = None


class Mutant:
    def __init__(self, path, line, op, start, end, new, old):
        self.path, self.line, self.op = path, line, op
        self.start, self.end, self.new, self.old = start, end, new, old
        self.status, self.by, self.seconds = None, "", 0.0

    @property
    def layer(self):
        parts = self.path.split("/")
        return parts[1] if len(parts) > 2 else "main"

    def describe(self):
        old = " ".join(self.old.split())
        new = " ".join(self.new.split())
        return "%s:%d: %s: `%s` -> `%s`" % (self.path, self.line, self.op,
                                           old, new)

    def key(self):
        return "%s:%d:%d:%s:%s" % (self.path, self.start, self.end, self.op,
                                   self.new)


def operand_right(m, pos):
    """End offset of the operand that starts at pos (after && or ||), or None
    when it does not end on this line."""
    depth, i = 0, pos
    while i < len(m) and m[i] in " \t":
        i += 1
    if i >= len(m) or m[i] == "\n":
        return None
    while i < len(m):
        c = m[i]
        if c == "\n":
            return None
        if c in "([":
            depth += 1
        elif c in ")]":
            if depth == 0:
                return i
            depth -= 1
        elif depth == 0 and (m.startswith("&&", i) or m.startswith("||", i)
                             or c in "?:;,}"):
            return i
        i += 1
    return None


def operand_left(m, pos):
    """Start offset of the operand that ends at pos (before && or ||), or None
    when it does not start on this line."""
    depth, i = 0, pos - 1
    while i >= 0:
        c = m[i]
        if c == "\n":
            return None
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                return i + 1
            depth -= 1
        elif depth == 0:
            if m[i - 1:i + 1] in ("&&", "||"):
                return i + 1
            if c in "?:;,{}":
                return i + 1
            if c == "=" and m[i - 1] not in "=!<>" and m[i + 1] != "=":
                return i + 1
            if re.match(r"return\b", m[i:]) and (i == 0 or not
                                                 (m[i - 1].isalnum() or m[i - 1] == "_")):
                return i + 6
        i -= 1
    return None


def split_args(m, open_pos):
    """For a call whose '(' is at open_pos, returns [(start, end)] of each
    argument when the call closes on the same line, else None."""
    depth, i, args, start = 0, open_pos + 1, [], open_pos + 1
    while i < len(m):
        c = m[i]
        if c == "\n":
            return None
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append((start, i))
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append((start, i))
            start = i + 1
        i += 1
    return None


def strip_span(text, s, e):
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def generate(path, text):
    m = mask_source(text)
    line_starts = [0]
    for i, c in enumerate(text):
        if c == "\n":
            line_starts.append(i + 1)

    def line_of(pos):
        lo, hi = 0, len(line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if line_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    out = []

    def add(op, s, e, new):
        out.append(Mutant(path, line_of(s), op, s, e, new, text[s:e]))

    flip = {"==": "!=", "!=": "==", "<": ">=", ">": "<=", "<=": ">", ">=": "<"}
    shift = {"<": "<=", "<=": "<", ">": ">=", ">=": ">"}
    for fs, fe in function_spans(m):
        body = m[fs:fe]
        # comparisons
        for mt in re.finditer(r"(?<![<>=!\-+*/%&|^])(==|!=|<=|>=|<|>)(?![<>=])", body):
            s = fs + mt.start()
            tok = mt.group(1)
            if tok == ">" and m[s - 1] == "-":
                continue
            add("ror", s, s + len(tok), flip[tok])
            if tok in shift:
                add("bound", s, s + len(tok), shift[tok])
        # conditions
        for mt in re.finditer(r"&&|\|\|", body):
            s = fs + mt.start()
            e = operand_right(m, s + 2)
            if e is not None:
                add("cond", s, e, "")          # drop the right operand
            b = operand_left(m, s)
            if b is not None:
                bs, be = strip_span(m, b, s)
                if bs < be:
                    add("cond", bs, s + 2, "")  # drop the left operand
        # arguments
        for mt in re.finditer(r"\b([A-Za-z_]\w*)\s*\(", body):
            name = mt.group(1)
            if name in KEYWORDS or NO_SWAP.search(name):
                continue
            open_pos = fs + mt.end() - 1
            args = split_args(m, open_pos)
            if not args or len(args) < 2:
                continue
            for k in range(len(args) - 1):
                a = strip_span(m, *args[k])
                b = strip_span(m, *args[k + 1])
                ta, tb = text[a[0]:a[1]], text[b[0]:b[1]]
                if not ta or not tb or ta == tb or "\x01" in m[a[0]:b[1]]:
                    continue
                new = tb + text[a[1]:b[0]] + ta
                add("swap", a[0], b[1], new)
        # return values
        for mt in re.finditer(r"\breturn\b([^;{}]*);", body):
            expr_s, expr_e = strip_span(m, fs + mt.start(1), fs + mt.end(1))
            expr = text[expr_s:expr_e]
            if not expr or "\n" in expr or expr == "NULL":
                continue
            if re.fullmatch(r"-?\d+[uUlL]*", expr):
                new = "1" if int(re.sub(r"[uUlL]", "", expr)) == 0 else "0"
            elif expr == "true":
                new = "false"
            elif expr == "false":
                new = "true"
            elif re.search(r"==|!=|<|>|&&|\|\||^!", m[expr_s:expr_e]):
                new = "!(" + expr + ")"
            else:
                new = "0"
            add("ret", expr_s, expr_e, new)
    return out


# --- the scratch build --------------------------------------------------------

def run(cmd, cwd, timeout=None, env=None, log=None):
    """Runs cmd in its own process group; on timeout kills the group.
    Returns (exit status or None on timeout, seconds)."""
    t0 = time.time()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                         stdout=log or subprocess.DEVNULL,
                         stderr=subprocess.STDOUT, start_new_session=True)
    try:
        rc = p.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        rc = None
    finally:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()
    return rc, time.time() - t0


def source_files(srcdir):
    try:
        out = subprocess.run(["git", "-C", srcdir, "ls-files", "-co",
                              "--exclude-standard"], check=True,
                             capture_output=True, text=True).stdout
        return [f for f in out.splitlines()
                if os.path.isfile(os.path.join(srcdir, f))]
    except (OSError, subprocess.CalledProcessError):
        pass
    skip = re.compile(r"(\.o|\.a|\.log|\.trs|\.db|~)$|(^|/)(Makefile|Makefile\.in|"
                      r"config\.(h|status|log)|configure|aclocal\.m4|"
                      r"autom4te\.cache|build-aux|\.deps)(/|$)")
    files = []
    for root, dirs, names in os.walk(srcdir):
        for nm in names:
            rel = os.path.relpath(os.path.join(root, nm), srcdir)
            if not skip.search(rel) and os.access(os.path.join(root, nm), os.R_OK):
                files.append(rel)
    return files


def make_var(work, expr):
    mk = "print-it:\n\t@echo %s\n" % expr
    r = subprocess.run(["make", "-s", "--no-print-directory", "-f", "Makefile",
                        "-f", "-", "print-it"], cwd=work, input=mk,
                       capture_output=True, text=True)
    return r.stdout.strip()


def object_digest(work, src):
    """Digest of the object(s) built from src. The scratch tree is built
    with -g0, so an object holds no line numbers: the same bytes mean the
    compiler made the same code of the mutant."""
    d, base = os.path.split(src)
    stem = os.path.splitext(base)[0]
    h = hashlib.sha256()
    found = False
    objdir = os.path.join(work, d)
    for nm in sorted(os.listdir(objdir)):
        if nm.endswith(".o") and (nm == stem + ".o" or nm.endswith("-" + stem + ".o")):
            with open(os.path.join(objdir, nm), "rb") as f:
                h.update(f.read())
            found = True
    return h.hexdigest() if found else None


class Suite:
    def __init__(self, work, log, test_timeout):
        self.work, self.log, self.test_timeout = work, log, test_timeout
        self.tests = make_var(work, "$(TESTS)").split()
        self.shell = make_var(work, "$(SHELL)") or "/bin/sh"
        self.tmux_dir = os.path.join(work, ".mutants-tmux")
        os.makedirs(self.tmux_dir, exist_ok=True)
        self.env = dict(os.environ, SC_SRCDIR=work, SC_BUILDDIR=work,
                        STATUSCODES_DB=os.path.join(work, "db/statuscodes.db"),
                        XDG_DATA_HOME=os.path.join(work, "tests/xdg"),
                        SC_VALGRIND="", TMUX_TMPDIR=self.tmux_dir,
                        TMPDIR=os.path.join(work, ".mutants-tmp"))
        os.makedirs(self.env["TMPDIR"], exist_ok=True)
        self.env.pop("TMUX", None)
        self.seconds = {t: 0.0 for t in self.tests}

    def build(self):
        return self.compile() or self.generate()

    def generate_failed(self):
        self.generate_failed_why = self.generate()
        return self.generate_failed_why != ""

    def compile(self):
        """Compiles and links every program ("stillborn" when that fails)."""
        programs = make_var(self.work, "$(bin_PROGRAMS) $(noinst_PROGRAMS) "
                            "$(check_PROGRAMS)").split()
        rc, _ = run(["make", "-j2"] + programs, self.work, 600, log=self.log)
        if rc != 0:
            return "stillborn"
        return ""

    def generate(self):
        """Makes the rest of `all`: the database and the man page, made by
        running the programs ("build (...)", a kill, when that fails)."""
        rc, _ = run(["make", "-j2", "all"], self.work, 120, log=self.log)
        if rc != 0:
            return "build (%s)" % ("timeout" if rc is None else "exit %d" % rc)
        return ""

    def end_tmux(self):
        for root, _, names in os.walk(self.tmux_dir):
            for nm in names:
                sock = os.path.join(root, nm)
                subprocess.run(["tmux", "-S", sock, "kill-server"],
                               capture_output=True)
                try:
                    os.unlink(sock)
                except OSError:
                    pass

    def run_test(self, t, timeout):
        cmd = [self.shell, t] if t.endswith(".sh") else ["./" + t]
        try:
            rc, secs = run(cmd, self.work, timeout, env=self.env, log=self.log)
        finally:
            self.end_tmux()
        return rc in (0, 77), rc, secs

    def run_all(self, stop_on_failure=True):
        """Runs the tests, fastest first; returns (True, "") when all pass,
        else (False, the test that failed)."""
        for t in sorted(self.tests, key=lambda x: self.seconds[x]):
            timeout = self.test_timeout or max(30.0, 4 * self.seconds[t] + 10)
            ok, rc, secs = self.run_test(t, timeout)
            if not ok:
                why = "timeout" if rc is None else "exit %d" % rc
                return False, "%s (%s)" % (t, why)
        return True, ""


def prepare(srcdir, work, log):
    os.makedirs(work, exist_ok=True)
    for f in source_files(srcdir):
        dst = os.path.join(work, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(os.path.join(srcdir, f), dst)
    env = dict(os.environ, CFLAGS="-O0 -g0")
    for cmd in (["sh", "./autogen.sh"], ["./configure", "--quiet", "--enable-werror"]):
        rc, _ = run(cmd, work, 600, env=env, log=log)
        if rc != 0:
            sys.exit("mutants: %s failed in %s (see %s)" % (cmd[-1], work, log.name))


# --- the run ------------------------------------------------------------------

def select(mutants, args):
    rnd = random.Random(args.seed)
    by_layer = {}
    for mu in mutants:
        by_layer.setdefault(mu.layer, []).append(mu)
    for lst in by_layer.values():
        rnd.shuffle(lst)
    chosen, layers = [], sorted(by_layer)
    # round robin over layers, so that a small --max still samples each
    i = 0
    while len(chosen) < args.max and any(by_layer[l] for l in layers):
        lst = by_layer[layers[i % len(layers)]]
        if lst:
            chosen.append(lst.pop())
        i += 1
    return chosen


def report(mutants, out, elapsed):
    layers = sorted({m.layer for m in mutants})
    lines = ["mutation testing: %d mutants in %.0f s" % (len(mutants), elapsed),
             "%-8s %7s %7s %9s %9s %7s" % ("layer", "killed", "survived",
                                            "stillborn", "same code", "score")]
    tk = ts = 0
    for l in layers + ["all"]:
        sel = [m for m in mutants if l == "all" or m.layer == l]
        k = sum(m.status == "killed" for m in sel)
        s = sum(m.status == "survived" for m in sel)
        sb = sum(m.status == "stillborn" for m in sel)
        eq = sum(m.status == "same code" for m in sel)
        score = "%6.1f%%" % (100.0 * k / (k + s)) if k + s else "     -"
        lines.append("%-8s %7d %7d %9d %9d %7s" % (l, k, s, sb, eq, score))
        if l == "all":
            tk, ts = k, s
    surv = [m for m in mutants if m.status == "survived"]
    if surv:
        lines.append("survivors:")
        lines += ["  " + m.describe() for m in sorted(surv, key=lambda m: (m.path, m.line))]
    text = "\n".join(lines) + "\n"
    out.write(text)
    return tk, ts, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--srcdir", default=os.environ.get("SC_SRCDIR", "."))
    ap.add_argument("--layer", default="", help="comma-separated layers (src/LAYER/)")
    ap.add_argument("--file", default="", help="only files whose path contains this")
    ap.add_argument("--operators", default=",".join(OPERATORS))
    ap.add_argument("--max", type=int, default=60, help="mutants to run (default 60)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--test-timeout", type=float, default=0,
                    help="seconds per test (default: 4x its clean run + 10, at least 30)")
    ap.add_argument("--report", default="", help="also write the report here")
    ap.add_argument("--keep", default="", help="scratch directory to use and keep")
    ap.add_argument("--list", action="store_true", help="list the selected mutants and stop")
    ap.add_argument("--fail-under", type=float, default=0,
                    help="exit 1 when the score (percent) is below this")
    args = ap.parse_args()
    srcdir = os.path.abspath(args.srcdir)
    ops = set(args.operators.split(","))
    layers = set(filter(None, args.layer.split(",")))

    mutants = []
    for root, _, names in os.walk(os.path.join(srcdir, "src")):
        for nm in sorted(names):
            if not nm.endswith(".c"):
                continue
            rel = os.path.relpath(os.path.join(root, nm), srcdir)
            if args.file and args.file not in rel:
                continue
            with open(os.path.join(srcdir, rel), encoding="utf-8") as f:
                text = f.read()
            mutants += [m for m in generate(rel, text) if m.op in ops]
    mutants = [m for m in mutants if not layers or m.layer in layers]
    mutants.sort(key=Mutant.key)
    chosen = select(mutants, args)
    print("mutants: %d candidates, running %d (seed %d)" % (len(mutants), len(chosen), args.seed),
          flush=True)
    if args.list:
        for m in chosen:
            print("  [%s] %s" % (m.layer, m.describe()))
        return 0

    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix="sc-mutants.")
    log = open(os.path.join(work, "mutants.log"), "w")
    t0 = time.time()
    try:
        if not os.path.exists(os.path.join(work, "Makefile")):
            prepare(srcdir, work, log)
        suite = Suite(work, log, args.test_timeout)
        if suite.build() != "":
            sys.exit("mutants: the unmutated tree does not build (see %s)" % log.name)
        # the clean run: every test must pass; its times order the runs
        for t in suite.tests:
            ok, rc, secs = suite.run_test(t, 900)
            if not ok:
                sys.exit("mutants: %s fails on the unmutated tree (see %s)" % (t, log.name))
            suite.seconds[t] = secs
        print("clean run: %d tests, %.0f s" % (len(suite.tests), sum(suite.seconds.values())),
              flush=True)
        digests = {}
        for i, m in enumerate(chosen, 1):
            path = os.path.join(work, m.path)
            with open(path, encoding="utf-8") as f:
                orig = f.read()
            if m.path not in digests:
                digests[m.path] = object_digest(work, m.path)
            t1 = time.time()
            try:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(orig[:m.start] + m.new + orig[m.end:])
                log.write("\n=== %s\n" % m.describe())
                log.flush()
                built = suite.compile()
                if built == "stillborn":
                    m.status = "stillborn"
                elif digests[m.path] and object_digest(work, m.path) == digests[m.path]:
                    m.status = "same code"
                elif suite.generate_failed():
                    m.status, m.by = "killed", suite.generate_failed_why
                else:
                    ok, by = suite.run_all()
                    m.status, m.by = ("survived", "") if ok else ("killed", by)
            finally:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(orig)
            m.seconds = time.time() - t1
            print("[%d/%d] %-9s %5.1fs %s%s" % (i, len(chosen), m.status, m.seconds,
                                              m.describe(), "  by " + m.by if m.by else ""),
                  flush=True)
        suite.build()
    finally:
        log.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    k, s, text = report(chosen, sys.stdout, time.time() - t0)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)
    if args.fail_under and k + s and 100.0 * k / (k + s) < args.fail_under:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
