#!/bin/sh
# ui-strings.sh: every string the code passes to UI() is in the catalogue
# of src/view/ui.c (so it has its Chinese: test_ui checks the catalogue),
# and every catalogue entry is used somewhere (no dead translations). Like
# xgettext, it reads the literals from the source: adjacent literals are
# joined, C escapes decoded. And no Chinese is written inline outside it
# (a string literal with CJK characters or full-width punctuation, not in
# UI()/UI_ZH()/UI_IN()/UI_BI()), except in the files of TABLES below: tables with
# their own Chinese column, and the words of documents and text the
# program reads. Exits 77 without python3.
py=/usr/bin/python3
[ -x "$py" ] || py=$(command -v python3) || { echo "python3 not found: skipping"; exit 77; }
exec "$py" - "${SC_SRCDIR:-.}/src" <<'PY'
import codecs, glob, os, re, sys
src = sys.argv[1]
LIT = r'"(?:[^"\\\n]|\\.)*"'
def decode(lits):
    return ''.join(codecs.escape_decode(l[1:-1].encode('utf-8'))[0].decode('utf-8')
                   for l in re.findall(LIT, lits))
def strip_comments(s):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), s, flags=re.S)
cat_src = strip_comments(open(os.path.join(src, 'view', 'ui.c'), encoding='utf-8').read())
body = cat_src[cat_src.index('ui_strings[] = {'):]
body = body[:body.index('\n};')]
catalogue = set()
for m in re.finditer(r'\{\s*((?:%s\s*)+),\s*((?:%s\s*)+),\s*\d+\s*\}' % (LIT, LIT), body):
    catalogue.add(decode(m.group(1)))
used, bad = set(), 0
for f in sorted(glob.glob(os.path.join(src, '*', '*.c')) + glob.glob(os.path.join(src, '*', '*.h'))):
    text = strip_comments(open(f, encoding='utf-8').read())
    for m in re.finditer(r'\b(?:SAY\(|UI(?:_ZH\(|_(?:IN|BI)\([^,()]*(?:\([^()]*\))?[^,()]*,|\())', text):
        rest = text[m.end():]
        lm = re.match(r'\s*((?:%s\s*)+)\)' % LIT, rest)
        line = text.count('\n', 0, m.start()) + 1
        if f.endswith(os.path.join('view', 'ui.h')) or f.endswith(os.path.join('core', 'say.h')):
            continue                     # the macro itself
        if not lm:
            print('not ok - %s:%d: UI(), UI_ZH(), UI_IN() and UI_BI() take string literals only' % (f, line)); bad = 1; continue
        s = decode(lm.group(1))
        used.add(s)
        if s not in catalogue:
            print('not ok - %s:%d: "%s" is not in the catalogue (src/view/ui.c)' % (f, line, s)); bad = 1
# files whose Chinese literals are a table's Chinese column or words read
TABLES = ('view/ui.c', 'view/keymap.h', 'view/labels.c', 'view/labels.h', 'view/mark.h',
          'view/quiz.h', 'view/report.h', 'cli/args.c', 'cli/cli.c', 'core/exitcode.h',
          'explain/advice.c', 'explain/explain.h', 'study/study.h', 'study/question.c',
          'store/tokenizer.c', 'import/')
CJK = re.compile('[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]')
UIARGS = re.compile(r'\b(?:SAY\(|UI(?:_ZH\(|_(?:IN|BI)\([^,()]*(?:\([^()]*\))?[^,()]*,|\())\s*(?:%s\s*)+\)' % LIT)
for f in sorted(glob.glob(os.path.join(src, '*', '*.c')) + glob.glob(os.path.join(src, '*', '*.h'))):
    rel = os.path.relpath(f, src).replace(os.sep, '/')
    if any(rel == t or (t.endswith('/') and rel.startswith(t)) for t in TABLES):
        continue
    text = UIARGS.sub(lambda m: '\n' * m.group(0).count('\n'), strip_comments(open(f, encoding='utf-8').read()))
    for m in re.finditer(LIT, text):
        if CJK.search(decode(m.group(0))):
            line = text.count('\n', 0, m.start()) + 1
            print('not ok - %s:%d: Chinese outside the catalogue: %s' % (f, line, m.group(0))); bad = 1
for s in sorted(catalogue - used):
    print('not ok - "%s" is in the catalogue but no UI() uses it' % s); bad = 1
print('%s - %d UI() strings, %d in the catalogue' % ('not ok' if bad else 'ok', len(used), len(catalogue)))
sys.exit(bad)
PY
