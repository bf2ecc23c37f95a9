/* quiz.h: what a person sees of study mode, front-end neutral: a
 * question, the verdict on an answer, the progress table, in the chosen
 * language(s), as plain text lines the CLI prints (and the browser may
 * draw). The words come from one table (VIEW_QUIZ_WORDS). */
#ifndef SC_VIEW_QUIZ_H
#define SC_VIEW_QUIZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "lang.h"
#include "study.h"

#define VIEW_QUIZ_WORDS(X) \
	X(QW_RIGHT,    "right",                     "正确") \
	X(QW_WRONG,    "wrong",                     "错误") \
	X(QW_ANSWER,   "answer",                    "答案") \
	X(QW_SCORE,    "right answers",             "答对") \
	X(QW_NOTHING,  "Nothing to study now.",     "现在没有要学习的卡片。") \
	X(QW_NEXT,     "Next card due",             "下一张卡片到期") \
	X(QW_TYPE,     "Type the number of a choice, or q to stop.", "输入选项编号，输入 q 结束。") \
	X(QW_TYPE_CODE, "Type the code, or q to stop.", "输入状态码，输入 q 结束。") \
	X(QW_SEE,      "More",                      "详见") \
	X(QW_PROTOCOL, "protocol",                  "协议") \
	X(QW_CLASS,    "class",                     "类别") \
	X(QW_CARDS,    "cards",                     "卡片") \
	X(QW_STUDIED,  "studied",                   "已学") \
	X(QW_DUE,      "due",                       "到期") \
	X(QW_REVIEWS,  "reviews",                   "复习") \
	X(QW_RETENTION, "retention",                "记住率") \
	X(QW_ALL,      "all",                       "合计")

enum view_quiz_word {
#define QW_ENUM(id, en, zh) id,
	VIEW_QUIZ_WORDS(QW_ENUM)
#undef QW_ENUM
	QW_COUNT
};

/* The word in the language(s): "right", "正确" or "right · 正确". Caller frees. */
char *view_quiz_word(enum view_quiz_word w, enum lang l);

/* The study layer's language for a display language. */
unsigned view_study_lang(enum lang l);

/* Appends question q (number n of total) of deck d: a heading with the
 * kind, the instruction, the prompt, the numbered choices. Wrapped to
 * width columns (0: one line per paragraph, for scripts). */
void view_quiz_question(struct buf *b, const struct study_deck *d, const struct study_question *q,
                        enum lang l, size_t n, size_t total, size_t width);

/* Appends the verdict: "right", or "wrong" and the answer; with explain,
 * the entry's summary, the confusable note and where to read more. */
void view_quiz_verdict(struct buf *b, const struct study_question *q, bool right, enum lang l, bool explain,
                       size_t width);

/* Appends the progress table (rows from study_stats()); the last row is
 * the total. */
void view_quiz_stats(struct buf *b, const struct study_deck *d, const struct study_stat *s, size_t n,
                     enum lang l);

/* Right answers over answers, or a negative number when there are none. */
double view_quiz_retention(const struct study_stat *s);

#endif
