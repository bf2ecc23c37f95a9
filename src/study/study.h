/* study.h: study mode. Cards are generated from the reference database
 * (never written per code), scheduled with FSRS (fsrs.h), and the user's
 * progress lives in the user database (userdata.h). No curses, no
 * printing: the CLI and the browser show what this layer hands them.
 *
 * A deck is every card the database can make for a filter, in teaching
 * order: the codes most sources list first, each followed by the codes it
 * is confused with. A card is named kind:protocol:code (meaning:http:404),
 * which is how progress finds it again after the reference database is
 * rebuilt. */
#ifndef SC_STUDY_H
#define SC_STUDY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "fsrs.h"
#include "store.h"
#include "userdata.h"

enum study_lang { STUDY_EN = 1, STUDY_ZH = 2, STUDY_BOTH = 3 };

/* The kinds of card, in the order a new code's cards are introduced. */
#define STUDY_KINDS(X) \
	X(MEANING,   "meaning",   "Code to meaning",          "状态码 → 含义", \
	  "What does this code mean?", "这个状态码是什么意思？") \
	X(CODE,      "code",      "Meaning to code",          "含义 → 状态码", \
	  "Which code is this? Type the number.", "这是哪个状态码？请输入编号。") \
	X(SITUATION, "situation", "Situation to code",        "情境 → 状态码", \
	  "Which code fits this situation?", "哪个状态码符合这个情境？") \
	X(PROTOCOL,  "protocol",  "Which protocol",           "哪个协议", \
	  "In which protocol does this number mean this?", "这个编号在哪个协议中是这个意思？") \
	X(EN_ZH,     "en-zh",     "English to Chinese phrase", "英文短语 → 中文短语", \
	  "Which is the Chinese phrase for this?", "对应的中文短语是哪个？") \
	X(ZH_EN,     "zh-en",     "Chinese to English phrase", "中文短语 → 英文短语", \
	  "Which is the English phrase for this?", "对应的英文短语是哪个？")

enum study_kind {
#define SC_STUDY_ENUM(k, id, en, zh, qen, qzh) STUDY_##k,
	STUDY_KINDS(SC_STUDY_ENUM)
#undef SC_STUDY_ENUM
	STUDY_NKINDS
};

struct study_kind_info {
	const char *id, *name_en, *name_zh, *ask_en, *ask_zh;
};
extern const struct study_kind_info study_kinds[STUDY_NKINDS];

/* What to study. */
struct study_filter {
	const char *protocol;               /* protocol id, NULL for all */
	const char *class_id;               /* 4xx, NULL for all */
	bool substatus;                     /* IIS sub-status codes (403.14) too */
	bool registered;                    /* only registered codes (--standard) */
	const struct userdata_refs *only;   /* NULL, or only these codes (bookmarks) */
	unsigned lang;                      /* enum study_lang */
};

/* Another entry linked to one in the deck. */
struct study_link {
	size_t other;                       /* index in deck.entries */
	const char *note_en, *note_zh;      /* the comparison's note (compare links) */
};
struct study_links {
	struct study_link *v;
	size_t n, cap;
};

struct study_card {
	char *id;                           /* kind:protocol:code */
	enum study_kind kind;
	size_t entry;                       /* index in deck.entries */
};

struct study_deck {
	struct sc_protocols protocols;      /* the database's protocols, in its order */
	struct sc_entries entries;          /* every entry a card or a distractor may use */
	struct study_links *peers;          /* per entry: confusable codes (compare) */
	struct study_links *same;           /* per entry: same number, other protocol */
	struct sc_xrefs *xrefs;             /* per entry: what the links point into */
	size_t *rank;                       /* per entry: place in teaching order */
	struct study_card *cards;           /* the filter's cards, in teaching order */
	size_t ncards;
	unsigned lang;
};

/* Builds the deck for filter f from the reference database. 0, or -1 with
 * *cause (caller frees). Free with study_deck_clear(). */
int study_deck_build(struct store *st, const struct study_filter *f, struct study_deck *d, char **cause);
void study_deck_clear(struct study_deck *d);
/* How protocol id is written (the database's short name: HTTP). */
const char *study_protocol_name(const struct study_deck *d, const char *id);
/* The card named id, or -1. */
long study_deck_find(const struct study_deck *d, const char *id);

/* ---- questions ---------------------------------------------------------- */

#define STUDY_MAX_CHOICES 4

struct study_question {
	size_t card;                        /* index in deck.cards */
	enum study_kind kind;
	char *prompt;                       /* what is asked about, answer masked */
	char *choices[STUDY_MAX_CHOICES];   /* nchoices 0: type the answer */
	char *keys[STUDY_MAX_CHOICES];      /* what may be typed for each (code, protocol) */
	size_t nchoices, answer;            /* answer: index of the right choice */
	char *expected;                     /* the right answer as it may be typed */
	char *answer_text;                  /* the right answer in words (HTTP 404 Not Found) */
	char *summary, *note;               /* shown after answering: the entry's
	                                     * summary and the confusable note (may be NULL) */
	const char *protocol, *code;        /* the entry, for a link to it */
};

/* A small seeded random generator (splitmix64): the same seed, the same
 * questions in the same order. */
uint64_t study_rng_next(uint64_t *state);

/* Makes the question for card i of d: distractors and choice order from
 * rng. Free with study_question_clear(). */
void study_question_make(const struct study_deck *d, size_t i, uint64_t *rng, struct study_question *q);
void study_question_clear(struct study_question *q);

/* Is input (a choice's number, a code, a protocol name, or the answer's
 * words; optionally followed by a grade word: again, hard, good, easy) the
 * right answer? *grade gets the FSRS grade: Again when wrong, else the
 * grade given, else Good. */
bool study_check(const struct study_question *q, const char *input, enum fsrs_grade *grade);

/* text with every term (case-insensitive for ASCII; whole words where the
 * term begins or ends with a letter or digit) replaced by "___". Caller
 * frees. */
char *study_mask(const char *text, const char *const *terms, size_t nterms);

/* ---- sessions ------------------------------------------------------------- */

/* The time now in seconds since the epoch; $STATUSCODES_NOW stands in for
 * the clock in tests (docs/STUDY.md). The CLI quiz and the browser's study
 * screen both read it. */
int64_t study_now(void);
/* The last local midnight at or before t ($TZ): new cards are counted per
 * local day, the same in the CLI and in the browser. */
int64_t study_day_start(int64_t t);

/* The user's progress, sorted by card name, for study_progress_find(). */
int study_progress_load(struct userdata *u, struct userdata_cards *out);
const struct userdata_card *study_progress_find(const struct userdata_cards *p, const char *id);

/* Picks up to count cards of d to ask at time now: the due ones first
 * (earliest first), then new ones in teaching order, no more new ones
 * than new_per_day less those first answered since day_start. The
 * result's order is shuffled with rng. Returns how many; out has room for
 * count. */
size_t study_pick(const struct study_deck *d, const struct userdata_cards *p, int64_t now,
                  int64_t day_start, size_t count, size_t new_per_day, uint64_t *rng, size_t *out);

/* Records the answer to card id (prev: its progress, NULL when new) with
 * grade g at now: FSRS schedules it and the user database commits it
 * before this returns. *after (may be NULL) gets the new state; its card
 * points at id. 0, or -1 when it could not be written. */
int study_answer(struct userdata *u, const struct fsrs_params *fp, const char *id,
                 const struct userdata_card *prev, enum fsrs_grade g, bool right, int64_t now,
                 struct userdata_card *after);

/* Counts per protocol and class. */
struct study_stat {
	const char *protocol, *class_id;    /* point into the deck */
	int64_t cards, studied, due, reviews, rights;
};
/* One row per protocol and class of d's cards, ordered by protocol id and
 * class (not in deck order), and a last row with protocol and class_id
 * NULL for the total. Caller frees *out. */
size_t study_stats(const struct study_deck *d, const struct userdata_cards *p, int64_t now,
                   struct study_stat **out);

/* Every card of d as an Anki plain-text deck (tab-separated front, back
 * and tags, with the header lines Anki reads), in d's languages. */
void study_export(const struct study_deck *d, struct buf *out);

#endif
