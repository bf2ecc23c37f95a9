/* doc.h: a source document as the parsers leave it: rows of what it said
 * about each code, in its own words, with the line each came from. Parsers
 * fill a struct doc; the reconciler (reconcile.c) decides what it means. */
#ifndef SC_DOC_H
#define SC_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* One statement a document makes about one code. Every string is a
 * malloc'd, trimmed copy of the document's text, or NULL. */
struct row {
	int   line;      /* 1-based line where the row starts */
	char *label;     /* the code as written: 404, 403.14, 1016-1999, 60W */
	char *protocol;  /* http, ftp, websocket, or NULL (the document's default) */
	char *section;   /* the heading the row stood under, as written */
	char *phrase;    /* reason phrase */
	char *gloss;     /* a second phrase given in parentheses */
	char *text;      /* description */
	char *note;      /* any further cell, e.g. "http/1.1 available" */
	bool  in_table;  /* from a table, whose rows share a shape */
	int   table;     /* which table or list (for shape checks) */
};

/* Prose about a protocol or a class (label NULL for the protocol). */
struct section_text {
	int   line;
	char *protocol;
	char *label;     /* 4xx, 100-199, 1000-2999 or NULL */
	char *name;      /* the class's name as the heading gave it */
	char *text;
};

/* A line the parser could not use, with why. */
struct reject {
	int   line;
	char *text;
	char *why, *why_zh;   /* why it was not used, in English and Chinese */
};

struct doc {
	char *file;            /* name shown to the user */
	const char *format;    /* static: the format's name */
	char *title, *author, *date;
	size_t bytes, lines;
	struct row *rows;              size_t nrows, caprows;
	struct section_text *texts;    size_t ntexts, captexts;
	struct reject *rejects;        size_t nrejects, caprejects;
};

/* HTML character references, for every format that may carry them (HTML,
 * markdown): the named ones documents use (&amp; &nbsp; &mdash; ...) and
 * numeric ones (&#27; &#x1B;). doc_entity appends the reference at s (just
 * after its '&') to b and returns the bytes it used after the '&'; when s
 * is not a reference it appends '&' and returns 0. entity_decode is the
 * same over a whole string (caller frees). What they decode is not checked
 * here: doc_reject_controls() refuses rows with control characters. */
size_t doc_entity(const char *s, const char *end, struct buf *b);
char *entity_decode(const char *s, size_t n);

/* Moves every row and section text that holds a control character (other
 * than tab and newline), raw or decoded from an entity, to the rejected
 * lines, saying which character: nothing that could drive a terminal is
 * imported. Called once the format's parser is done. */
void doc_reject_controls(struct doc *d);

struct row *doc_add_row(struct doc *d, int line);
void doc_add_text(struct doc *d, int line, const char *protocol, const char *label,
                  const char *name, const char *text);
/* Records that the line at line (its text) was not used, and why (in
 * English and Chinese: the finding stores both). Copies all three. */
void doc_reject(struct doc *d, int line, const char *text, const char *why, const char *why_zh);
void doc_free(struct doc *d);

/* The text split into lines (no terminators, \r removed). lines[i] is line
 * i+1. Both arrays are owned by struct lines. */
struct lines {
	char **v;
	size_t n;
};
void lines_split(const char *text, size_t len, struct lines *out);
void lines_free(struct lines *l);

/* If the lines start with YAML front matter (--- ... ---), fill title,
 * author and date from it and return the index of the first line after it;
 * else return 0. */
size_t doc_front_matter(struct doc *d, const struct lines *l);

/* A code label: 404, 403.14, 1016-1999 (any dash), 0-999. Fills num, sub
 * (-1 when none) and hi (== num unless a range) and returns true when the
 * label is well formed. *canon gets the canonical spelling (caller frees). */
bool code_parse(const char *label, int *num, int *sub, int *hi, char **canon);
/* Does the label look like a code someone misread: three characters,
 * letters and digits, at least one digit and one letter (60W, 3O2)? */
bool code_misread(const char *label);
/* Length of a code label at the start of s (0 if none): digits with an
 * optional .digits or a dash and more digits. */
size_t code_span(const char *s);

/* The protocol a heading or title names (http, ftp, websocket), or NULL. */
const char *heading_protocol(const char *heading);
/* The class a heading names: "4xx消息" -> "4xx" (caller frees), or NULL. */
char *heading_class(const char *heading);

/* Split "Found (Temporary move)" into phrase and gloss; either may be NULL. */
void phrase_split(const char *s, char **phrase, char **gloss);

#endif
