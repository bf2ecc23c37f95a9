#!/usr/bin/env python3
"""screen_invariants.py: checks what must hold on any screen of the browser,
read from `tmux capture-pane -e -p -N` (text with its SGR attributes) on
standard input. Used by random-keys.sh after each burst of keys.

Usage: screen_invariants.py COLS ROWS < capture

Prints one line per broken invariant and exits 1; exits 0 when all hold.
Below 30x8 only the "Terminal too small" message is looked for. With
SC_INVARIANTS_LOG=FILE it appends the names of the checks that applied to
the screen (to see how often each one ran).

The invariants (issue 16 item 3):
  focus     exactly one pane title is drawn focused (reverse video across
            its pane's whole width): the focused pane is on screen;
  selection every list pane on screen that shows a position "N/M" has its
            selected row (the "›" marker) inside its rows: the selection is
            never scrolled out of view;
  title     the code at the end of the title bar is the code of the detail
            pane's title, and the code list's selected row (when the list
            shows the current code's class or search).
"""
import os
import re
import sys
import unicodedata

SEL = "\u203a"      # the selection marker and the title bar's separator
VLINE = "\u2502"    # the rule between pane groups
CODE = re.compile(r"^[0-9][0-9.\-]*$")
# the SGR parameters that matter here: attribute, on or off
SGR = {1: ("bold", True), 22: ("bold", False), 4: ("und", True), 24: ("und", False),
       7: ("rev", True), 27: ("rev", False)}


def width(ch):
    if unicodedata.combining(ch) or ch in "\u200b\u200d":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text, cols, rows):
    """The screen as rows of cells [char, reverse, underline, bold]."""
    grid = [[[" ", False, False, False] for _ in range(cols)] for _ in range(rows)]
    # tmux carries the attributes from one line to the next
    on = {"rev": False, "und": False, "bold": False}
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        for m in re.finditer(r"\x1b\[([0-9;:]*)m|\x1b\[[0-9;?]*[A-Za-z]|(.)", line, re.S):
            if m.group(2) is None:
                if m.group(1) is None:
                    continue
                ps = m.group(1).split(";")
                i = 0
                while i < len(ps):
                    p = int(ps[i].split(":")[0] or 0)
                    if p in (38, 48, 58):       # extended colours: skip their arguments
                        i += 5 if i + 1 < len(ps) and ps[i + 1] == "2" else 3
                        continue
                    if p == 0:
                        on = dict.fromkeys(on, False)
                    elif p in SGR:
                        on[SGR[p][0]] = SGR[p][1]
                    i += 1
                continue
            ch = m.group(2)
            w = width(ch)
            if w == 0:
                continue
            for k in range(w):
                if x + k < cols:
                    grid[y][x + k] = [ch if k == 0 else "", on["rev"], on["und"], on["bold"]]
            x += w
    return grid


def text_of(grid, y, x0, x1):
    return "".join(c[0] for c in grid[y][x0:x1])


def code_matches(shown, code):
    """A code as drawn (maybe cut with an ellipsis) is code."""
    if shown.endswith("\u2026"):
        return code.startswith(shown[:-1])
    return shown == code


def main():
    cols, rows = int(sys.argv[1]), int(sys.argv[2])
    grid = parse(sys.stdin.read(), cols, rows)
    screen = "\n".join(text_of(grid, y, 0, cols) for y in range(rows))
    # below 30x8 (MIN_COLS, MIN_ROWS in src/tui/layout.c) the browser
    # shows only "Terminal too small" (终端太小 after L chose Chinese), maybe cut
    if cols < 30 or rows < 8:
        if "Terminal" not in screen and "终端太小" not in screen and rows >= 4 and cols >= 8:
            print("too small: no \"Terminal too small\" on a %dx%d screen" % (cols, rows))
            return 1
        return 0
    errors = []
    ran = set()

    # pane groups: the columns between the rules that run the whole content height
    seps = [x for x in range(cols) if all(grid[y][x][0] == VLINE for y in range(1, rows - 1))]
    edges = [-1] + seps + [cols]
    groups = [(edges[i] + 1, edges[i + 1]) for i in range(len(edges) - 1) if edges[i + 1] > edges[i] + 1]

    # titles: a row of a group drawn wholly in reverse (focused) or
    # underlined (not focused), starting with a blank (a selected row starts
    # with the marker)
    titles = []   # (y, x0, x1, focused, text)
    for x0, x1 in groups:
        for y in range(1, rows - 1):
            cells = grid[y][x0:x1]
            if cells[0][0] != " ":
                continue
            if all(c[1] and c[3] for c in cells):
                titles.append((y, x0, x1, True, text_of(grid, y, x0, x1).strip()))
            elif all(c[2] and not c[1] for c in cells):
                titles.append((y, x0, x1, False, text_of(grid, y, x0, x1).strip()))
    ran.add("focus")
    focused = [t for t in titles if t[3]]
    if len(focused) != 1:
        errors.append("focus: %d focused pane titles (want 1): %s" % (len(focused), [t[4] for t in focused]))

    # each pane's body: the rows below its title down to the next title of
    # its group or the status line
    panes = []
    for (y, x0, x1, foc, ttl) in titles:
        below = [t[0] for t in titles if t[1] == x0 and t[0] > y]
        panes.append((y, x0, x1, foc, ttl, y + 1, min(below) if below else rows - 1))

    # the title bar's code: its last element, unless the bar was cut
    bar = text_of(grid, 0, 0, cols).rstrip()
    bar = re.sub(r"\s*\[[^\]]*\]$", "", bar)
    parts = bar.split(" " + SEL + " ")
    code = None
    if bar.startswith("statuscodes") and not bar.endswith("\u2026") and len(parts) > 1:
        last = parts[-1].strip()
        if CODE.match(last) and not re.match(r"^[0-9]xx$", last):
            code = last

    for (y, x0, x1, foc, ttl, b0, b1) in panes:
        pos = re.search(r"(\d+)/(\d+)$", ttl)
        marked = [r for r in range(b0, b1) if grid[r][x0][0] == SEL]
        if pos and b1 > b0:
            ran.add("selection")
            if len(marked) != 1:
                errors.append("selection: pane \"%s\" shows %d selected rows (want 1)" % (ttl, len(marked)))
        words = ttl.split()
        if code is None or len(words) < 2:
            continue
        # the detail pane: "PROTOCOL CODE phrase", no position N/M
        if not pos and CODE.match(words[1].rstrip("\u2026")) and words[0] in ("HTTP", "FTP", "WebSocket"):
            ran.add("title-detail")
            if not code_matches(words[1], code):
                errors.append("title: the title bar shows %s, the detail pane \"%s\"" % (code, ttl))
        # the code list of a class or a search, with its selected row
        is_list = pos and (words[0] in ("HTTP", "FTP", "WebSocket") and re.match(r"^[0-9]xx", words[1])
                           or re.match(r"^(Search|No match|搜索|无匹配)", ttl))
        if is_list and len(marked) == 1:
            row = text_of(grid, marked[0], x0 + 2, x1).split()
            cands = [w for w in row[:2] if CODE.match(w.rstrip("\u2026"))]
            if cands:
                ran.add("title-list")
            if cands and not code_matches(cands[0], code):
                errors.append("title: the title bar shows %s, the code list's selected row \"%s\""
                              % (code, " ".join(row)))
    # SC_INVARIANTS_LOG=FILE: which checks applied to this screen, a line each
    if os.environ.get("SC_INVARIANTS_LOG"):
        with open(os.environ["SC_INVARIANTS_LOG"], "a") as f:
            f.write(" ".join(sorted(ran)) + "\n")
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
