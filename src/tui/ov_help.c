/* ov_help.c: the help overlay, built from the key table. */
#include "config.h"
#include "panes.h"
#include "tui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "text.h"
#include "xmalloc.h"

static void help_title(struct tui *t, struct pane *p, struct buf *b)
{
	char key[16];
	buf_addf(b, UI("Keys (%s or q closes; the same list is in man statuscodes)"),
	         keys_first(ACT_CANCEL, key, sizeof key));
}

static void help_build(struct tui *t, struct pane *p, int w)
{
	struct tlines *l = &p->lines;
	int kw = 0;

	for (size_t i = 0; i < keymap_help_count; i++) {
		int kwi = (int)text_width(keymap_help[i].keys);
		kw = kwi > kw ? kwi : kw;
	}
	kw += 2;
	if (kw > w / 2)
		kw = w / 2;
	for (size_t i = 0; i < keymap_help_count; i++) {
		char **lines;
		if (w - kw < 10) {
			tl_line(l);
			tl_span(l, 0, w, PAL_HEADING, keymap_help[i].keys);
			tl_wrap(l, 2, w - 2, STYLE_PLAIN, ui_pick(keymap_help[i].help, keymap_help[i].help_zh));
			continue;
		}
		size_t n = text_wrap(ui_pick(keymap_help[i].help, keymap_help[i].help_zh), (size_t)(w - kw), &lines);
		for (size_t k = 0; k < n; k++) {
			tl_line(l);
			if (k == 0) {
				struct buf b = {0};
				text_fit(&b, keymap_help[i].keys, (size_t)kw - 1, false, true);
				tl_span(l, 0, kw - 1, PAL_HEADING, buf_str(&b));
				buf_free(&b);
			}
			tl_span(l, kw, w - kw, STYLE_PLAIN, lines[k]);
		}
		text_lines_free(lines, n);
	}
	tl_blank(l);
	for (size_t i = 0; i < KEYMAP_NOTE_COUNT; i++)
		tl_wrap(l, 0, w, PAL_DIM, keymap_note(i));
	tl_wrap(l, 0, w, PAL_DIM, "statuscodes " PACKAGE_VERSION);
}

const struct pane_ops pane_ops_help = {
	.selectable = false, .title = help_title, .build = help_build,
};

