/* ov_study.c: the study screen, an overlay that asks the due and new cards
 * of study mode (src/study), one at a time: the question as src/view's
 * quiz text, the answer typed on its last line, then right or wrong with
 * the entry's summary and the confusable note; Enter goes on, o opens the
 * full entry. Every answer is committed as it is given. It also tells the
 * code list which codes are studied and which are due. */
#include "config.h"
#include "panes.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "palette.h"
#include "quiz.h"
#include "study.h"
#include "text.h"
#include "xmalloc.h"

#define STUDY_ASK 10     /* questions a session asks */
#define STUDY_NEW 10     /* new cards a day */

struct tui_study {
	struct study_deck deck;
	bool built;
	enum lang deck_lang;
	struct userdata_cards progress;
	bool progress_loaded;
	size_t pick[STUDY_ASK], npick, at, nright;
	struct study_question q;
	bool has_q, answered, right;
	struct buf input;
	uint64_t rng;
};

static struct tui_study *study(struct tui *t)
{
	if (t->study == NULL)
		t->study = xcalloc(1, sizeof *t->study);
	return t->study;
}

/* false, with the message said, when the user database's progress cannot
 * be read (a damaged or foreign file): nothing is shown as unstudied. */
static bool reload_progress(struct tui *t, struct tui_study *s)
{
	userdata_cards_free(&s->progress);
	s->progress_loaded = true;
	if (study_progress_load(t->ud, &s->progress) != 0) {
		userdata_cards_free(&s->progress);
		tui_message(t, UI("the study progress cannot be read"));
		return false;
	}
	return true;
}

/* Whether e has any studied card (1), any due now (2), or none (0). */
int tui_study_mark(struct tui *t, const struct sc_entry *e)
{
	struct tui_study *s = study(t);
	int64_t now = study_now();
	int mark = 0;

	if (!s->progress_loaded)
		reload_progress(t, s);
	for (size_t i = 0; i < s->progress.n && mark < 2; i++) {
		const char *id = s->progress.v[i].card, *p = strchr(id, ':');
		size_t pl = strlen(e->protocol);
		if (p && strncmp(p + 1, e->protocol, pl) == 0 && p[1 + pl] == ':' && strcmp(p + 2 + pl, e->code) == 0)
			mark = s->progress.v[i].due <= now ? 2 : 1;
	}
	return mark;
}

static void next_question(struct tui *t, struct tui_study *s)
{
	if (s->has_q)
		study_question_clear(&s->q);
	s->has_q = s->answered = false;
	buf_reset(&s->input);
	if (s->at < s->npick) {
		study_question_make(&s->deck, s->pick[s->at], &s->rng, &s->q);
		s->has_q = true;
	}
	pane_invalidate(&t->overlays[OV_STUDY]);
}

bool tui_study_open(struct tui *t)
{
	struct tui_study *s = study(t);
	char *cause = NULL;
	int64_t now = study_now();

	if (!userdata_writable(t->ud)) {
		tui_message(t, UI("study needs a writable user database ($XDG_DATA_HOME/statuscodes)"));
		return false;
	}
	if (s->built && s->deck_lang != t->lang) {
		study_deck_clear(&s->deck);
		s->built = false;
	}
	if (!s->built) {
		struct study_filter f = { .lang = view_study_lang(t->lang) };
		if (study_deck_build(t->st, &f, &s->deck, &cause) != 0) {
			tui_store_error(t, cause);
			return false;
		}
		s->built = true;
		s->deck_lang = t->lang;
	}
	if (!reload_progress(t, s))
		return false;
	s->rng = (uint64_t)now;
	s->npick = study_pick(&s->deck, &s->progress, now, study_day_start(now), STUDY_ASK, STUDY_NEW, &s->rng,
	                      s->pick);
	s->at = s->nright = 0;
	next_question(t, s);
	tui_open_overlay(t, OV_STUDY);
	return true;
}

void tui_study_free(struct tui *t)
{
	struct tui_study *s = t->study;
	if (s == NULL)
		return;
	if (s->has_q)
		study_question_clear(&s->q);
	if (s->built)
		study_deck_clear(&s->deck);
	userdata_cards_free(&s->progress);
	buf_free(&s->input);
	free(s);
	t->study = NULL;
}

/* Enter: judge the typed answer and record it, or go on to the next. */
static void submit(struct tui *t, struct tui_study *s)
{
	if (!s->has_q)
		return;
	if (s->answered) {
		s->at++;
		next_question(t, s);
		return;
	}
	if (s->input.len == 0)
		return;
	struct fsrs_params fp;
	enum fsrs_grade g;
	const char *id = s->deck.cards[s->pick[s->at]].id;
	fsrs_defaults(&fp);
	s->right = study_check(&s->q, buf_str(&s->input), &g);
	if (study_answer(t->ud, &fp, id, study_progress_find(&s->progress, id), g, s->right, study_now(),
	                 NULL) != 0)
		tui_message(t, UI("the answer could not be saved"));
	s->nright += s->right;
	s->answered = true;
	reload_progress(t, s);
	pane_invalidate(&t->overlays[OV_STUDY]);
}

/* o after an answer: close and show the entry the question was about. */
static void open_entry(struct tui *t, struct tui_study *s)
{
	struct sc_entry e;
	if (!s->has_q || !tui_lookup_ref(t, s->q.protocol, s->q.code, &e))
		return;
	tui_close_overlay(t);
	tui_visit_current(t);
	tui_goto(t, &e, true);
	tui_focus(t, PANE_DETAIL);
	sc_entry_clear(&e);
}

bool tui_study_key(struct tui *t, const struct screen_key *k)
{
	struct tui_study *s = study(t);

	if (k->code) {
		if (k->ch == KEY_ENTER)
			submit(t, s);
		else if (k->ch == KEY_BACKSPACE && s->input.len && !s->answered)
			s->input.s[--s->input.len] = '\0';
		else
			return false;
		pane_invalidate(&t->overlays[OV_STUDY]);
		return true;
	}
	if (k->ch == '\r' || k->ch == '\n') {
		submit(t, s);
	} else if (k->ch == 27) {
		tui_close_overlay(t);
	} else if ((k->ch == 127 || k->ch == 8) && s->input.len && !s->answered) {
		s->input.s[--s->input.len] = '\0';
	} else if (s->answered || !s->has_q) {
		if (k->ch == 'o' && s->has_q)
			open_entry(t, s);
		else if (k->ch == 'q')
			tui_close_overlay(t);
		else
			return false;
	} else if (k->ch == 'q' && s->input.len == 0) {
		tui_close_overlay(t);
	} else if (k->ch >= ' ' && k->ch < 0x7F && s->input.len < 40) {
		buf_addc(&s->input, (char)k->ch);
	} else {
		return false;
	}
	pane_invalidate(&t->overlays[OV_STUDY]);
	return true;
}

static void study_title(struct tui *t, struct pane *p, struct buf *b)
{
	struct tui_study *s = study(t);
	char *head = UI_BI(t->lang, "Study");
	buf_adds(b, head);
	buf_addf(b, UI("  %zu/%zu  (Enter: answer, then next; o: open the entry; Esc: close)"),
	         s->at < s->npick ? s->at + 1 : s->npick, s->npick);
	free(head);
}

/* The text of what the overlay shows, wrapped into lines of width w. */
static void study_build(struct tui *t, struct pane *p, int w)
{
	struct tui_study *s = study(t);
	struct buf b = {0};
	size_t width = w > 24 ? (size_t)w - 2 : 22;

	tlines_free(&p->lines);
	if (!s->has_q) {
		char *w1 = view_quiz_word(s->npick ? QW_SCORE : QW_NOTHING, t->lang);
		if (s->npick)
			buf_addf(&b, "%s: %zu/%zu\n", w1, s->nright, s->npick);
		else
			buf_addf(&b, "%s\n", w1);
		free(w1);
	} else {
		view_quiz_question(&b, &s->deck, &s->q, t->lang, s->at + 1, s->npick, width);
		buf_addf(&b, "> %s%s\n", buf_str(&s->input), s->answered ? "" : "_");
		if (s->answered) {
			buf_addc(&b, '\n');
			view_quiz_verdict(&b, &s->q, s->right, t->lang, true, width);
		}
	}
	for (const char *line = buf_str(&b), *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		char *one = xstrndup(line, (size_t)(nl - line));
		int style = STYLE_PLAIN;
		if (s->answered && (str_starts_with(one, "right") || str_starts_with(one, "wrong")))
			style = s->right ? PAL_SUCCESS : PAL_WARN;
		tl_line(&p->lines);
		tl_span(&p->lines, 1, w - 1, style, one);
		free(one);
		if (*nl == '\0')
			break;
	}
	buf_free(&b);
}

const struct pane_ops pane_ops_study = {
	.selectable = false, .title = study_title, .build = study_build,
};
