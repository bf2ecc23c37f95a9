/* cmd_study.c: the commands about the user's own data: quiz (study mode,
 * its --stats and --export), bookmarks and history. The questions, the
 * scheduler and the progress are src/study's; the words src/view's. */
#include "config.h"
#include "cli_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "dbpath.h"
#include "exitcode.h"
#include "keymap.h"
#include "quiz.h"
#include "render.h"
#include "say.h"
#include "str.h"
#include "study.h"
#include "text.h"
#include "xmalloc.h"

#define QUIZ_COUNT 10
#define QUIZ_NEW 10
#define HISTORY_COUNT 50

/* The user database, or NULL (no home, or it cannot be opened). */
static struct userdata *open_user(void)
{
	char *dir = dbpath_user_dir();
	struct userdata *u = userdata_open(dir);
	free(dir);
	return u;
}

static int write_export(const struct study_deck *d, const char *path)
{
	struct buf b = {0};
	FILE *f = fopen(path, "w");
	int rc = SC_EXIT_OK;

	study_export(d, &b);
	if (f == NULL || fwrite(buf_str(&b), 1, b.len, f) != b.len) {
		rc = SC_EXIT_INPUT;
	}
	if (f && fclose(f) != 0)
		rc = SC_EXIT_INPUT;
	if (rc != SC_EXIT_OK) {
		char *clean = text_clean(path, strlen(path));
		fputs("statuscodes: ", stderr);
		fprintf(stderr, UI("cannot write %s: %s"), clean, say_strerror(errno));
		fputc('\n', stderr);
		free(clean);
	}
	buf_free(&b);
	return rc;
}

/* The user database's study progress could not be read (a damaged or
 * foreign file): said once, and nothing is shown as if nothing had been
 * studied. */
static int progress_unreadable(struct userdata_cards *p)
{
	userdata_cards_free(p);
	fprintf(stderr, "statuscodes: %s\n", UI("the study progress cannot be read from the user database"));
	return SC_EXIT_DB;
}

static int print_stats(const struct study_deck *d, struct userdata *u, const struct cli_opts *o, int64_t now)
{
	struct userdata_cards p = {0};
	struct study_stat *s;

	if (u && study_progress_load(u, &p) != 0)
		return progress_unreadable(&p);
	size_t n = study_stats(d, &p, now, &s);
	if (o->json) {
		struct json j = {0};
		const struct study_stat *t = &s[n - 1];
		json_open(&j, NULL, '{');
		json_int(&j, "cards", t->cards);
		json_int(&j, "studied", t->studied);
		json_int(&j, "due", t->due);
		json_int(&j, "reviews", t->reviews);
		json_real(&j, "retention", t->reviews ? view_quiz_retention(t) : 0.0 / 0.0);
		json_open(&j, "groups", '[');
		for (size_t i = 0; i + 1 < n; i++) {
			json_open(&j, NULL, '{');
			json_str(&j, "protocol", s[i].protocol);
			json_str(&j, "class", s[i].class_id);
			json_int(&j, "cards", s[i].cards);
			json_int(&j, "studied", s[i].studied);
			json_int(&j, "due", s[i].due);
			json_int(&j, "reviews", s[i].reviews);
			json_real(&j, "retention", s[i].reviews ? view_quiz_retention(&s[i]) : 0.0 / 0.0);
			json_close(&j, '}');
		}
		json_close(&j, ']');
		json_close(&j, '}');
		cli_print_json(&j);
	} else {
		struct buf b = {0};
		view_quiz_stats(&b, d, s, n, o->lang);
		fputs(buf_str(&b), stdout);
		buf_free(&b);
	}
	free(s);
	userdata_cards_free(&p);
	return SC_EXIT_OK;
}

/* "Nothing to study now" and when the next card is due. */
static void nothing_due(const struct userdata_cards *p, const struct cli_opts *o)
{
	char *w = view_quiz_word(QW_NOTHING, o->lang);
	int64_t next = 0;

	printf("%s\n", w);
	free(w);
	for (size_t i = 0; i < p->n; i++)
		if (next == 0 || p->v[i].due < next)
			next = p->v[i].due;
	if (next) {
		time_t t = (time_t)next;
		struct tm tm;
		char when[64];
		if (localtime_r(&t, &tm) && strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm)) {
			w = view_quiz_word(QW_NEXT, o->lang);
			printf("%s: %s\n", w, when);
			free(w);
		}
	}
}

/* Asks the picked cards; every answer is committed as it is given. */
static int ask(const struct study_deck *d, struct userdata *u, const struct userdata_cards *p,
               const size_t *pick, size_t n, const struct cli_opts *o, uint64_t *rng, int64_t now)
{
	bool tty = isatty(STDIN_FILENO) != 0;
	struct out out;
	struct fsrs_params fp;
	char *line = NULL;
	size_t cap = 0, asked = 0, right = 0;
	int rc = SC_EXIT_OK;

	fsrs_defaults(&fp);
	out_init(&out, o, cli_stdout_tty());
	size_t width = tty && cli_stdout_tty() ? out.width : 0;
	out_free(&out);
	for (size_t i = 0; i < n; i++) {
		struct study_question q;
		struct buf b = {0};
		enum fsrs_grade g;

		study_question_make(d, pick[i], rng, &q);
		view_quiz_question(&b, d, &q, o->lang, i + 1, n, width);
		if (tty) {
			char *hint = view_quiz_word(q.nchoices ? QW_TYPE : QW_TYPE_CODE, o->lang);
			buf_addf(&b, "%s\n> ", hint);
			free(hint);
		}
		fputs(buf_str(&b), stdout);
		fflush(stdout);
		buf_reset(&b);
		ssize_t len = getline(&line, &cap, stdin);
		if (len < 0 || (tty && str_casecmp(str_trim(line), "q") == 0)) {
			study_question_clear(&q);
			buf_free(&b);
			break;
		}
		bool ok = study_check(&q, line, &g);
		const char *id = d->cards[pick[i]].id;
		if (study_answer(u, &fp, id, study_progress_find(p, id), g, ok, now, NULL) != 0) {
			fprintf(stderr, "statuscodes: %s\n", UI("the answer could not be saved in the user database"));
			rc = SC_EXIT_DB;
		}
		asked++;
		right += ok;
		view_quiz_verdict(&b, &q, ok, o->lang, tty, width);
		buf_addc(&b, '\n');
		fputs(buf_str(&b), stdout);
		fflush(stdout);
		buf_free(&b);
		study_question_clear(&q);
		if (rc != SC_EXIT_OK)
			break;
	}
	char *w = view_quiz_word(QW_SCORE, o->lang);
	printf("%s: %zu/%zu\n", w, right, asked);
	free(w);
	free(line);
	return rc;
}

/* The filter the options ask for; *marks holds the bookmarks it points to. */
static void quiz_filter(const struct cli_opts *o, struct userdata *u, struct userdata_refs *marks,
                        struct study_filter *f)
{
	*f = (struct study_filter){ .protocol = o->protocol, .class_id = o->class_id, .substatus = o->substatus,
	                            .registered = o->standard, .lang = view_study_lang(o->lang) };
	if (o->bookmarks) {
		userdata_bookmarks(u, marks);
		f->only = marks;
	}
}

int cmd_quiz(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct userdata *u;
	struct userdata_refs marks = {0};
	struct study_filter f;
	struct study_deck d;
	char *cause = NULL;
	int64_t now = study_now();
	int rc;

	if (argc > 0)
		return cli_usage_error(UI("quiz takes no argument ('%s'); see --protocol and --class"), argv[0]);
	if (o->stats && o->export_path)
		return cli_usage_error(UI("quiz takes --stats or --export, not both"));
	u = open_user();
	quiz_filter(o, u, &marks, &f);
	if (study_deck_build(st, &f, &d, &cause) != 0) {
		userdata_refs_free(&marks);
		userdata_close(u);
		return cli_db_failed(cause);
	}
	if (d.ncards == 0) {
		fprintf(stderr, "statuscodes: %s\n", o->bookmarks ? UI("no cards to study for this choice (no bookmarks?)")
		                                                : UI("no cards to study for this choice"));
		rc = SC_EXIT_NOTFOUND;
	} else if (o->export_path) {
		rc = write_export(&d, o->export_path);
	} else if (o->stats) {
		rc = print_stats(&d, u, o, now);
	} else if (!userdata_writable(u)) {
		fprintf(stderr, "statuscodes: %s\n", UI("study progress cannot be kept: no writable user database "
		                                        "($XDG_DATA_HOME/statuscodes)"));
		rc = SC_EXIT_DB;
	} else {
		struct userdata_cards p = {0};
		size_t count = o->count ? (size_t)o->count : QUIZ_COUNT, *pick = xcalloc(count, sizeof *pick);
		uint64_t rng = o->seed_set ? (uint64_t)o->seed : (uint64_t)now ^ (uint64_t)getpid();
		if (study_progress_load(u, &p) != 0) {
			rc = progress_unreadable(&p);
		} else {
			size_t n = study_pick(&d, &p, now, study_day_start(now), count,
			                      o->new_set ? (size_t)o->new_cards : QUIZ_NEW, &rng, pick);
			if (n == 0) {
				nothing_due(&p, o);
				rc = SC_EXIT_OK;
			} else {
				rc = ask(&d, u, &p, pick, n, o, &rng, now);
			}
			userdata_cards_free(&p);
		}
		free(pick);
	}
	study_deck_clear(&d);
	userdata_refs_free(&marks);
	userdata_close(u);
	return rc;
}

/* Lists refs as entries (tab-separated when not on a terminal), or as a
 * JSON array. A code the database no longer has is listed by name. No
 * refs: an empty list ([] with --json) and, on stderr as search's "nothing
 * matches", the one line empty says (exit 0: the list was listed). */
static int list_refs(struct store *st, const struct cli_opts *o, const struct userdata_refs *r,
                     const char *empty)
{
	struct out out;
	struct json j = {0};
	char *cause = NULL;
	bool tty = cli_stdout_tty();

	out_init(&out, o, tty);
	if (o->json)
		json_open(&j, NULL, '[');
	for (size_t i = 0; i < r->n; i++) {
		struct sc_entries e = {0};
		if (store_lookup(st, r->v[i].protocol, r->v[i].code, &e, &cause) != 0) {
			free(cause);
			cause = NULL;
		}
		if (e.n && o->json) {
			render_row_json(&j, &e.v[0], NULL, false);
		} else if (e.n) {
			render_row(&out, &e.v[0], NULL, false, tty);
		} else if (o->json) {
			json_open(&j, NULL, '{');
			json_str(&j, "protocol", r->v[i].protocol);
			json_str(&j, "code", r->v[i].code);
			json_close(&j, '}');
		} else {
			buf_addf(&out.b, "%s\t%s\n", r->v[i].protocol, r->v[i].code);
		}
		sc_entries_free(&e);
	}
	if (o->json) {
		json_close(&j, ']');
		cli_print_json(&j);
	} else {
		out_write(&out, stdout);
	}
	out_free(&out);
	if (r->n == 0) {
		char *clean = text_clean(empty, strlen(empty));
		fprintf(stderr, "statuscodes: %s\n", clean);
		free(clean);
	}
	return SC_EXIT_OK;
}

int cmd_bookmarks(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct userdata *u;
	struct userdata_refs r = {0};

	if (argc > 0)
		return cli_usage_error(UI("%s takes no argument ('%s')"), "bookmarks", argv[0]);
	u = open_user();
	userdata_bookmarks(u, &r);
	char key[16];
	char *empty = xasprintf(UI("no bookmarks yet: in the browser, press %s on a code to bookmark it"),
	                        keymap_first(KEYMAP_ROW_ACT_MARK, key, sizeof key));
	int rc = list_refs(st, o, &r, empty);
	free(empty);
	userdata_refs_free(&r);
	userdata_close(u);
	return rc;
}

int cmd_history(struct store *st, const struct cli_opts *o, int argc, char **argv)
{
	struct userdata *u;
	struct userdata_refs r = {0};

	if (argc > 0)
		return cli_usage_error(UI("%s takes no argument ('%s')"), "history", argv[0]);
	u = open_user();
	userdata_history(u, o->limit ? (size_t)o->limit : HISTORY_COUNT, &r);
	int rc = list_refs(st, o, &r, UI("no history yet: the codes you open in the browser are remembered"));
	userdata_refs_free(&r);
	userdata_close(u);
	return rc;
}
