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
import json
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
QUICK = 5.0     # seconds: tests quicker than this on the clean run go first
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
        return layer_of(self.path)

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


# Folders whose .db and .log files are test input (git ls-files lists them;
# an exported tree without git needs this).
TEST_INPUT_DIRS = ("tests/data/", "tests/explain/", "tests/fuzz/corpus/")


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
            # databases and logs under these are test input, not build output
            if (rel.startswith(TEST_INPUT_DIRS) or not skip.search(rel)) and \
                    os.access(os.path.join(root, nm), os.R_OK):
                files.append(rel)
    return files


def make_var(work, expr):
    mk = "print-it:\n\t@echo %s\n" % expr
    r = subprocess.run(["make", "-s", "--no-print-directory", "-f", "Makefile",
                        "-f", "-", "print-it"], cwd=work, input=mk,
                       capture_output=True, text=True)
    return r.stdout.strip()


def objects_of(work, src):
    """The object files built from src (relative to work)."""
    d, base = os.path.split(src)
    stem = os.path.splitext(base)[0]
    return [os.path.join(d, nm) for nm in sorted(os.listdir(os.path.join(work, d)))
            if nm.endswith(".o") and (nm == stem + ".o" or nm.endswith("-" + stem + ".o"))]


def object_digest(work, src):
    """Digest of the object(s) built from src. The scratch tree is built
    with -g0, so an object holds no line numbers: the same bytes mean the
    compiler made the same code of the mutant."""
    h = hashlib.sha256()
    objs = objects_of(work, src)
    for o in objs:
        with open(os.path.join(work, o), "rb") as f:
            h.update(f.read())
    return h.hexdigest() if objs else None


class Suite:
    def __init__(self, work, log, test_timeout, jobs=1):
        self.work, self.log, self.test_timeout = work, log, test_timeout
        self.jobs = max(1, jobs)
        self.kills = {}     # (file or layer, test) -> mutants it killed
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
        self.env_of = lambda t: self.env
        self.cover = None   # (file, line) -> tests that run it; see coverage_map
        self.clean_made = None
        self.seconds = {t: 0.0 for t in self.tests}

    def build(self):
        return self.compile() or self.generate()

    def generate_failed(self):
        self.generate_failed_why = self.generate()
        return self.generate_failed_why != ""

    def made_digest(self):
        """Digest of what the build makes by running the programs (the
        database, the man page, the completions, the import report): the
        build is reproducible, so the same bytes mean a mutant changed
        nothing that the tests read from there."""
        h = hashlib.sha256()
        for f in sorted(make_var(self.work, "$(CLEANFILES)").split()):
            path = os.path.join(self.work, f)
            if f.endswith(".tmp") or not os.path.isfile(path) or os.access(path, os.X_OK):
                continue
            with open(path, "rb") as fh:
                h.update(f.encode() + b"\0" + hashlib.sha256(fh.read()).digest())
        return h.hexdigest()

    def compile(self, src=None):
        """Compiles and links every program ("stillborn" when that fails).
        With src, its objects are made first, so that a mutant that does not
        compile or compiles to the same code costs one compiler run."""
        if src:
            objs = objects_of(self.work, src)
            if objs:
                rc, _ = run(["make"] + objs, self.work, 600, log=self.log)
                if rc != 0:
                    return "stillborn"
                return ""
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

    def command(self, t):
        return [self.shell, t] if t.endswith(".sh") else ["./" + t]

    def run_test(self, t, timeout):
        try:
            rc, secs = run(self.command(t), self.work, timeout, env=self.env, log=self.log)
        finally:
            self.end_tmux()
        return rc in (0, 77), rc, secs

    def order(self, path):
        """The tests in the order to try them on a mutant of path: those that
        killed a mutant of the same file, then of the same layer, first;
        then the fastest."""
        layer = layer_of(path)
        return sorted(self.tests, key=lambda t: (
            -self.kills.get((path, t), 0), -self.kills.get((layer, t), 0),
            self.seconds[t]))

    def killed_by(self, path, t):
        for k in (path, layer_of(path)):
            self.kills[(k, t)] = self.kills.get((k, t), 0) + 1

    def timeout(self, t):
        return self.test_timeout or max(30.0, 4 * self.seconds[t] + 10)

    def run_all(self, path="", line=0):
        """Runs the tests on the mutated tree; returns (True, "") when all
        pass, else (False, the test that failed). Quick tests (under
        QUICK seconds on the clean run) run one at a time, most likely
        killers first, so that a kill costs seconds; the slow ones (tmux
        scripts, mostly waiting) then run `jobs` at a time. A failure of a
        slow test is confirmed by running it once more: a test that fails
        only once under load is not a kill."""
        tests = self.order(path)
        if self.cover is not None and line:
            who = self.cover.get("%s:%d" % (path, line))
            if who == []:
                # gcov gives a statement over several lines its count on
                # one of them: `x = c ? f() : g();` split after `?` can
                # read as never run while the lines around it run. Those
                # lines' tests run, so that only code nothing near runs
                # is a survivor at once.
                near = set()
                for k in range(line - 3, line + 4):
                    near.update(self.cover.get("%s:%d" % (path, k)) or [])
                who = sorted(near)
            if who is not None and "build" in who and self.made_digest() == self.clean_made:
                who = [t for t in who if t != "build"]
            if who is not None and "build" not in who:
                tests = [t for t in tests if t in who]
                if not tests:
                    return True, "no test runs this line"
        quick = [t for t in tests if self.seconds[t] < QUICK or self.kills.get((path, t))]
        # the slow ones longest first: a survivor must wait for all of them
        slow = sorted((t for t in tests if t not in quick), key=lambda t: -self.seconds[t])
        for t in quick:
            ok, rc, _ = self.run_test(t, self.timeout(t))
            if not ok:
                self.killed_by(path, t)
                return False, "%s (%s)" % (t, "timeout" if rc is None else "exit %d" % rc)
        failed = self.run_parallel(slow)
        for t, rc in failed:
            ok, rc2, _ = self.run_test(t, self.timeout(t))
            if not ok:
                self.killed_by(path, t)
                return False, "%s (%s)" % (t, "timeout" if rc2 is None else "exit %d" % rc2)
            self.log.write("mutants: %s failed once (%s), passed again: not a kill\n" % (t, rc))
        return True, ""

    def run_parallel(self, tests, times=None, timeout=None):
        """Runs tests `jobs` at a time until one fails; returns [(test, rc)]
        of the failures (rc None on timeout). With times, every test runs
        and its seconds are stored there."""
        pending, running, failed = list(tests), {}, []
        limit = (lambda t: timeout) if timeout else self.timeout
        try:
            while (pending and not failed) or running:
                while pending and (not failed or times is not None) and len(running) < self.jobs:
                    t = pending.pop(0)
                    p = subprocess.Popen(self.command(t), cwd=self.work, env=self.env_of(t),
                                         stdin=subprocess.DEVNULL, stdout=self.log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
                    running[t] = (p, time.time())
                time.sleep(0.2)
                for t, (p, t0) in list(running.items()):
                    rc = p.poll()
                    if rc is None and time.time() - t0 > limit(t):
                        kill_group(p)
                        rc = None
                    elif rc is None:
                        continue
                    else:
                        kill_group(p)
                    del running[t]
                    if times is not None:
                        times[t] = time.time() - t0
                    if rc not in (0, 77):
                        failed.append((t, rc))
                if failed and times is None:
                    for p, _ in running.values():
                        kill_group(p)
                    running.clear()
        finally:
            for p, _ in running.values():
                kill_group(p)
            self.end_tmux()
        return failed


def kill_group(p):
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    p.wait()


def layer_of(path):
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else "main"


def sync(srcdir, work):
    """Brings a kept scratch tree up to the sources: copies the files that
    differ, with a new time stamp so that make rebuilds what uses them."""
    n = 0
    for f in source_files(srcdir):
        src, dst = os.path.join(srcdir, f), os.path.join(work, f)
        with open(src, "rb") as a:
            data = a.read()
        try:
            with open(dst, "rb") as b:
                if b.read() == data:
                    continue
        except OSError:
            os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as b:
            b.write(data)
        shutil.copymode(src, dst)
        n += 1
    if n:
        # regenerate the Makefile now (automake, config.status), so that
        # its messages do not end up in what make_var() reads
        subprocess.run(["make", "Makefile"], cwd=work, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return n


def prepare(srcdir, work, log, configure_args=()):
    os.makedirs(work, exist_ok=True)
    for f in source_files(srcdir):
        dst = os.path.join(work, f)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(os.path.join(srcdir, f), dst)
    # -O0 for quick builds; at -O0 gcc guesses format-truncation worse than at
    # -O2 (a false alarm in src/explain/resolve.c), which -Werror would make fatal
    env = dict(os.environ, CFLAGS="-O0 -g0 -Wno-format-truncation")
    for cmd in (["sh", "./autogen.sh"],
                ["./configure", "--quiet", "--enable-werror"] + list(configure_args)):
        rc, _ = run(cmd, work, 600, env=env, log=log)
        if rc != 0:
            sys.exit("mutants: %s failed in %s (see %s)" % (cmd[-1], work, log.name))


# --- the run ------------------------------------------------------------------

def queues(mutants, seed):
    """The candidates of each layer in a seeded random order."""
    rnd = random.Random(seed)
    by_layer = {}
    for mu in mutants:
        by_layer.setdefault(mu.layer, []).append(mu)
    for lst in by_layer.values():
        rnd.shuffle(lst)
    return by_layer


def counted(m):
    return m.status in ("killed", "survived")


def schedule(by_layer, most, per_layer, done):
    """Yields the mutants to run, round robin over the layers so that a
    small sample still has each. With per_layer, a layer leaves the round
    once it has that many counted mutants (killed or survived: stillborn and
    same-code ones do not count), so that each layer's score rests on
    enough; the statuses are read from `done` as the run goes."""
    layers = sorted(by_layer)
    pos = {l: 0 for l in layers}
    n, i = 0, 0

    def wants(l):
        if pos[l] >= len(by_layer[l]):
            return False
        return not per_layer or sum(counted(m) for m in done if m.layer == l) < per_layer

    while (most is None or n < most) and any(wants(l) for l in layers):
        l = layers[i % len(layers)]
        i += 1
        if wants(l):
            m = by_layer[l][pos[l]]
            pos[l] += 1
            n += 1
            yield m


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
        lines += ["  " + m.describe() + ("  (%s)" % m.by if m.by else "")
                  for m in sorted(surv, key=lambda m: (m.path, m.line))]
    text = "\n".join(lines) + "\n"
    out.write(text)
    return tk, ts, text


def tree_digest(srcdir):
    """Digest of every source file (code and tests): a saved result is only
    used again for the very same tree."""
    h = hashlib.sha256()
    for f in sorted(source_files(srcdir)):
        if f.startswith(("tests/mutants/", "docs/", ".ci/")) or f.endswith(".md"):
            continue    # this runner and the prose: no test or code
        h.update(f.encode() + b"\0")
        with open(os.path.join(srcdir, f), "rb") as fh:
            h.update(hashlib.sha256(fh.read()).digest())
    return h.hexdigest()[:16]


def load_state(path, tree):
    """Results saved by --state for this tree: key -> (status, by, seconds)."""
    done = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 5 and parts[0] == tree:
                    done[parts[1]] = (parts[2], parts[3], float(parts[4]))
    except OSError:
        pass
    return done


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--srcdir", default=os.environ.get("SC_SRCDIR", "."))
    ap.add_argument("--layer", default="", help="comma-separated layers (src/LAYER/)")
    ap.add_argument("--file", default="", help="only files whose path contains this")
    ap.add_argument("--match", action="append", default=[],
                    help="only mutants whose description contains this (e.g. 'str.c:45: ror'); "
                         "given more than once, any of them (the survivors of a sample, again)")
    ap.add_argument("--operators", default=",".join(OPERATORS))
    ap.add_argument("--max", type=int, default=None,
                    help="mutants to run (default 60, or no limit with --per-layer)")
    ap.add_argument("--per-layer", type=int, default=0,
                    help="run each layer until it has this many killed or surviving mutants")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2,
                    help="slow tests (tmux scripts) run this many at a time (default 2)")
    ap.add_argument("--test-timeout", type=float, default=0,
                    help="seconds per test (default: 4x its clean run + 10, at least 30)")
    ap.add_argument("--time-limit", type=float, default=0,
                    help="start no mutant after this many seconds (with --state: go on later)")
    ap.add_argument("--state", default="",
                    help="file of results kept between runs of the same tree and seed")
    ap.add_argument("--report", default="", help="also write the report here")
    ap.add_argument("--keep", default="", help="scratch directory to use and keep (synced)")
    ap.add_argument("--all-tests", action="store_true",
                    help="run every test on every mutant, not only those that run its line")
    ap.add_argument("--list", action="store_true", help="list the selected mutants and stop")
    ap.add_argument("--fail-under", type=float, default=0,
                    help="exit 1 when the score (percent) is below this")
    args = ap.parse_args()
    # ended by a signal: the finally clauses end the tests still running
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.max is None and not args.per_layer:
        args.max = 60
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
    mutants = [m for m in mutants if (not layers or m.layer in layers)
               and (not args.match or any(x in m.describe() for x in args.match))]
    mutants.sort(key=Mutant.key)
    by_layer = queues(mutants, args.seed)
    print("mutants: %d candidates, %s (seed %d)" % (
        len(mutants), ("%d per layer" % args.per_layer if args.per_layer else "")
        + (" at most %d" % args.max if args.max is not None else ""), args.seed), flush=True)
    if args.list:
        per = args.per_layer or None
        for m in schedule(by_layer, args.max, 0, []) if not per else \
                [m for l in sorted(by_layer) for m in by_layer[l][:per]]:
            print("  [%s] %s" % (m.layer, m.describe()))
        return 0
    tree = tree_digest(srcdir)
    saved = load_state(args.state, tree) if args.state else {}
    state = open(args.state, "a", encoding="utf-8") if args.state else None

    if args.keep:
        work = os.path.abspath(args.keep)
        os.makedirs(work, exist_ok=True)
    else:
        work = tempfile.mkdtemp(prefix="sc-mutants.")
    log = open(os.path.join(work, "mutants.log"), "w")
    t0 = time.time()
    done, complete = [], True
    try:
        if not os.path.exists(os.path.join(work, "Makefile")):
            prepare(srcdir, work, log)
        else:
            print("scratch tree %s: %d files updated" % (work, sync(srcdir, work)), flush=True)
        suite = Suite(work, log, args.test_timeout, args.jobs)
        if suite.build() != "":
            sys.exit("mutants: the unmutated tree does not build (see %s)" % log.name)
        if not args.all_tests:
            covdir = work + "-cov" if args.keep else os.path.join(work, ".mutants-cov")
            os.makedirs(covdir, exist_ok=True)
            suite.cover, times = coverage_map(srcdir, covdir, tree, suite, args.jobs, log)
        # every test passed on the coverage build, and its times (a little
        # slower than these) order the runs and set the timeouts: no need
        # for a second clean run
        if not args.all_tests and set(times) == set(suite.tests):
            suite.seconds.update(times)
        else:
            clean_run(suite, work, tree)
        suite.clean_made = suite.made_digest()
        digests = {}
        for i, m in enumerate(schedule(by_layer, args.max, args.per_layer, done), 1):
            if m.key() in saved:
                m.status, m.by, m.seconds = saved[m.key()]
                done.append(m)
                continue
            if args.time_limit and time.time() - t0 > args.time_limit:
                complete = False
                break
            run_mutant(suite, work, m, digests)
            done.append(m)
            if state:
                state.write("%s\t%s\t%s\t%s\t%.1f\n" % (tree, m.key(), m.status, m.by, m.seconds))
                state.flush()
            print("[%d] %-9s %5.1fs %s%s" % (i, m.status, m.seconds, m.describe(),
                                            "  by " + m.by if m.by else ""), flush=True)
        suite.build()
    finally:
        log.close()
        if state:
            state.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not complete:
        print("mutants: time limit reached after %d mutants; run the same command again "
              "to go on (--state %s)" % (len(done), args.state), flush=True)
    k, s, text = report(done, sys.stdout, time.time() - t0)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            f.write(text)
    if not complete:
        return 3
    if args.fail_under and k + s and 100.0 * k / (k + s) < args.fail_under:
        return 1
    return 0


def coverage_map(srcdir, covdir, tree, suite, jobs, log):
    """Which tests run which line: the tree built with --enable-coverage in
    covdir, the build (`make all`: the database, the man page) and each
    test run with its own GCOV_PREFIX, and gcov's JSON read back. Returns
    {"src/x.c:LINE": [tests]} for every line gcov knows (an empty list: no
    test runs it; "build": it runs while the database is made, so every
    test reads what it did). Kept in covdir for the same tree."""
    saved = os.path.join(covdir, ".mutants-map.json")
    try:
        with open(saved, encoding="utf-8") as f:
            data = json.load(f)
        if data.get("tree") == tree:
            print("coverage map: %d lines, made before for this tree" % len(data["map"]),
                  flush=True)
            return data["map"], data.get("seconds", {})
    except (OSError, ValueError):
        pass
    t0 = time.time()
    if not os.path.exists(os.path.join(covdir, "Makefile")):
        prepare(srcdir, covdir, log, ["--enable-coverage"])
    else:
        sync(srcdir, covdir)
    cov = Suite(covdir, log, 0, jobs)
    if cov.compile() != "":
        sys.exit("mutants: the coverage build failed (see %s)" % log.name)
    prefixes = os.path.join(covdir, ".mutants-gcda")
    shutil.rmtree(prefixes, ignore_errors=True)

    def env_of(name):
        return dict(cov.env, GCOV_PREFIX=os.path.join(prefixes, name.replace("/", "_")),
                    GCOV_PREFIX_STRIP="0")
    # what the build runs: remove what it makes, make it again
    for f in make_var(covdir, "$(CLEANFILES)").split():
        try:
            os.unlink(os.path.join(covdir, f))
        except OSError:
            pass
    rc, _ = run(["make", "-j2", "all"], covdir, 900, env=env_of("build"), log=log)
    if rc != 0:
        sys.exit("mutants: the coverage build failed (see %s)" % log.name)
    cov.env_of = env_of
    times = {}
    failed = cov.run_parallel(cov.tests, times, timeout=1800)
    if failed:
        sys.exit("mutants: %s fails on the coverage build (see %s)" % (failed[0][0], log.name))
    cover = {}
    for name in ["build"] + cov.tests:
        d = os.path.join(prefixes, name.replace("/", "_"))
        gcdas = []
        for root, _, names in os.walk(d):
            for nm in names:
                if nm.endswith(".gcda"):
                    g = os.path.join(root, nm)
                    orig = g[len(d):]
                    gcno = orig[:-5] + ".gcno"
                    if os.path.exists(gcno):
                        os.symlink(gcno, g[:-5] + ".gcno")
                        gcdas.append(g)
        if not gcdas:
            continue
        out = subprocess.run(["gcov", "-t", "-j"] + gcdas, cwd=covdir, capture_output=True,
                             text=True).stdout
        for doc in out.splitlines():
            if not doc.strip():
                continue
            for f in json.loads(doc).get("files", []):
                fn = f["file"]
                if not (fn.startswith("src/") and fn.endswith(".c")):
                    continue
                for ln in f["lines"]:
                    who = cover.setdefault("%s:%d" % (fn, ln["line_number"]), [])
                    if ln["count"] > 0 and name not in who:
                        who.append(name)
    with open(saved, "w", encoding="utf-8") as f:
        json.dump({"tree": tree, "map": cover, "seconds": times}, f)
    print("coverage map: %d lines, %d run by no test, made in %.0f s" % (
        len(cover), sum(not v for v in cover.values()), time.time() - t0), flush=True)
    return cover, times


def clean_run(suite, work, tree):
    """Every test must pass on the unmutated tree; their times order the
    runs. The times are kept in the scratch tree, so that a later run of
    the same tree (another batch of --state) need not repeat it."""
    saved = os.path.join(work, ".mutants-clean")
    try:
        with open(saved, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines[0] == tree:
            times = dict((ln.split("\t")[0], float(ln.split("\t")[1])) for ln in lines[1:] if ln)
            if set(times) == set(suite.tests):
                suite.seconds.update(times)
                print("clean run: %d tests passed on this tree before" % len(times), flush=True)
                return
    except (OSError, ValueError, IndexError):
        pass
    times = {}
    failed = suite.run_parallel(suite.tests, times, timeout=900)
    if failed:
        sys.exit("mutants: %s fails on the unmutated tree (see %s)" % (failed[0][0], suite.log.name))
    suite.seconds.update(times)
    with open(saved, "w", encoding="utf-8") as f:
        f.write(tree + "\n" + "".join("%s\t%.2f\n" % kv for kv in sorted(times.items())))
    print("clean run: %d tests, %.0f s" % (len(times), sum(times.values())), flush=True)


def run_mutant(suite, work, m, digests):
    """Applies m to the scratch tree, builds and tests it, restores the file
    and records the outcome in m."""
    path = os.path.join(work, m.path)
    with open(path, encoding="utf-8") as f:
        orig = f.read()
    if m.path not in digests:
        digests[m.path] = object_digest(work, m.path)
    t1 = time.time()
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(orig[:m.start] + m.new + orig[m.end:])
        suite.log.write("\n=== %s\n" % m.describe())
        suite.log.flush()
        if suite.compile(m.path) == "stillborn":
            m.status = "stillborn"
        elif digests[m.path] and object_digest(work, m.path) == digests[m.path]:
            m.status = "same code"
        elif suite.compile() == "stillborn":
            m.status = "stillborn"
        elif suite.generate_failed():
            m.status, m.by = "killed", suite.generate_failed_why
        else:
            ok, by = suite.run_all(m.path, m.line)
            m.status, m.by = ("survived", by) if ok else ("killed", by)
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(orig)
    m.seconds = time.time() - t1


if __name__ == "__main__":
    sys.exit(main())
