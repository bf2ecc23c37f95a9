/* tlines.h: text built for a width, as lines of positioned, styled spans.
 * Text panes and overlays build their content with these once per width;
 * pane.c draws the lines as they are. Every span's text is a copy the
 * lines own; tlines_free frees them all. */
#ifndef SC_TLINES_H
#define SC_TLINES_H

#include <stddef.h>

struct tui;

struct tspan {
	int   x, w;       /* column in the pane; width (clipped to the pane) */
	int   style;      /* palette entry or STYLE_PLAIN */
	char *text;
};
struct tline {
	struct tspan *v;
	size_t n, cap;
};
struct tlines {
	struct tline *v;
	size_t n, cap;
};
void tlines_free(struct tlines *l);

/* Bilingual text goes side by side from this many columns. */
#define SIDE_BY_SIDE_MIN 76

/* A new, empty line. */
void tl_line(struct tlines *l);
/* A span on line i; on the last line (a new one when there is none). */
void tl_span_on(struct tlines *l, size_t i, int x, int w, int style, const char *text);
void tl_span(struct tlines *l, int x, int w, int style, const char *text);
/* An empty line, unless the last one is empty already. */
void tl_blank(struct tlines *l);
/* text wrapped to w columns at column x, one line each. */
void tl_wrap(struct tlines *l, int x, int w, int style, const char *text);
/* a and b side by side in two columns with a rule between them. */
void tl_wrap2(struct tlines *l, int x, int w, int style, const char *a, const char *b);
/* English and Chinese as the browser's language asks: side by side when
 * wide, one after the other when narrow; English when Chinese is wanted
 * and missing; "(untranslated)" in English mode for Chinese-only text. */
void tl_bi(struct tui *t, struct tlines *l, int x, int w, int style, const char *en, const char *zh);
/* A heading after a blank line, fitted to w. */
void tl_heading(struct tui *t, struct tlines *l, int w, const char *en, const char *zh);

#endif
