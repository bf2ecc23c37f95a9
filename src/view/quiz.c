/* quiz.c: study mode as text (see quiz.h). */
#include "config.h"
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xmalloc.h"

static const struct { const char *en, *zh; } words[QW_COUNT] = {
#define QW_TEXT(id, en, zh) { en, zh },
	VIEW_QUIZ_WORDS(QW_TEXT)
#undef QW_TEXT
};

char *view_quiz_word(enum view_quiz_word w, enum lang l)
{
	return lang_bi(l, words[w].en, words[w].zh);
}

unsigned view_study_lang(enum lang l)
{
	return l == LANG_EN ? STUDY_EN : l == LANG_ZH ? STUDY_ZH : STUDY_BOTH;
}

/* Appends s cleaned for a terminal, each line indented by indent spaces
 * and, when width is not 0, wrapped to width columns. */
static void add_lines(struct buf *b, size_t indent, const char *s, size_t width)
{
	char **lines;
	size_t n;

	if (width > indent + 20) {
		n = text_wrap(s, width - indent, &lines);
		for (size_t i = 0; i < n; i++) {
			buf_pad(b, indent);
			buf_adds(b, lines[i]);
			buf_addc(b, '\n');
		}
		text_lines_free(lines, n);
		return;
	}
	char *c = text_clean(s, strlen(s));
	for (char *line = c, *nl; line; line = nl ? nl + 1 : NULL) {
		nl = strchr(line, '\n');
		buf_pad(b, indent);
		buf_add(b, line, nl ? (size_t)(nl - line) : strlen(line));
		buf_addc(b, '\n');
	}
	free(c);
}

void view_quiz_question(struct buf *b, const struct study_deck *d, const struct study_question *q,
                        enum lang l, size_t n, size_t total, size_t width)
{
	const struct study_kind_info *k = &study_kinds[q->kind];
	char *name = lang_bi(l, k->name_en, k->name_zh), *ask = lang_bi(l, k->ask_en, k->ask_zh);

	buf_addf(b, "[%zu/%zu] ", n, total);
	add_lines(b, 0, name, width);
	add_lines(b, 0, ask, width);
	add_lines(b, 2, q->prompt, width);
	for (size_t i = 0; i < q->nchoices; i++) {
		char *c = xasprintf("%zu) %s", i + 1, q->choices[i]);
		add_lines(b, 4, c, width);
		free(c);
	}
	free(name);
	free(ask);
}

void view_quiz_verdict(struct buf *b, const struct study_question *q, bool right, enum lang l, bool explain,
                       size_t width)
{
	/* the English word always leads, so that a script can read it */
	char *w = view_quiz_word(right ? QW_RIGHT : QW_WRONG, l == LANG_EN ? LANG_EN : LANG_BOTH);

	buf_adds(b, w);
	free(w);
	if (!right) {
		buf_adds(b, ": ");
		if (q->nchoices)
			buf_addf(b, "%zu) ", q->answer + 1);
		add_lines(b, 0, q->answer_text, width);
	} else {
		buf_addc(b, '\n');
	}
	if (!explain)
		return;
	if (right)
		add_lines(b, 2, q->answer_text, width);
	add_lines(b, 2, q->summary, width);
	if (q->note) {
		buf_addc(b, '\n');
		add_lines(b, 2, q->note, width);
	}
	char *see = view_quiz_word(QW_SEE, l), *cmd = xasprintf("%s: statuscodes %s %s", see, q->protocol, q->code);
	add_lines(b, 2, cmd, width);
	free(see);
	free(cmd);
}

double view_quiz_retention(const struct study_stat *s)
{
	return s->reviews > 0 ? (double)s->rights / (double)s->reviews : -1.0;
}

/* One cell of the table: s fitted and padded to width columns. */
static void cell(struct buf *b, const char *s, size_t width, bool right_align)
{
	size_t w = text_width(s);
	if (right_align && w < width)
		buf_pad(b, width - w);
	text_fit(b, s, width, !right_align, false);
	buf_addc(b, ' ');
}

static void trim_end(struct buf *b)
{
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

void view_quiz_stats(struct buf *b, const struct study_deck *d, const struct study_stat *s, size_t n,
                     enum lang l)
{
	static const enum view_quiz_word head[] = { QW_PROTOCOL, QW_CLASS, QW_CARDS, QW_STUDIED, QW_DUE,
	                                           QW_REVIEWS, QW_RETENTION };
	static const size_t width[] = { 10, 10, 7, 8, 6, 8, 10 };

	for (size_t i = 0; i < 7; i++) {
		char *w = lang_bi(l == LANG_BOTH ? LANG_EN : l, words[head[i]].en, words[head[i]].zh);
		cell(b, w, width[i], i >= 2);
		free(w);
	}
	trim_end(b);
	buf_addc(b, '\n');
	for (size_t r = 0; r < n; r++) {
		const struct study_stat *t = &s[r];
		char num[5][24], ret[16];
		int64_t v[5] = { t->cards, t->studied, t->due, t->reviews, 0 };
		char *all = view_quiz_word(QW_ALL, l == LANG_BOTH ? LANG_EN : l);
		double rt = view_quiz_retention(t);

		cell(b, t->protocol ? study_protocol_name(d, t->protocol) : all, width[0], false);
		cell(b, t->class_id ? t->class_id : "", width[1], false);
		for (size_t i = 0; i < 4; i++) {
			snprintf(num[i], sizeof num[i], "%lld", (long long)v[i]);
			cell(b, num[i], width[2 + i], true);
		}
		if (rt < 0)
			snprintf(ret, sizeof ret, "-");
		else
			snprintf(ret, sizeof ret, "%.0f%%", rt * 100.0);
		cell(b, ret, width[6], true);
		trim_end(b);
		buf_addc(b, '\n');
		free(all);
	}
}
