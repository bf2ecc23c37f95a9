/* fmt.h: document formats. Each format can say how well a text fits it
 * (probe) and turn a text into rows (parse). Nothing here depends on a file
 * name or a line number: a document is recognised by its shape.
 *
 *   markdown-table  pipe tables, optionally under YAML front matter
 *   html-table      <table> with <th> headers, under <h1>..<h6> headings
 *   code-lines      one "CODE text" per line
 *   pipe-blocks     fields that end in " |": code, phrase, text, note...,
 *                   with section headings between the records
 *   sectioned-list  protocol headings, class headings (4xx...), "- CODE text"
 *                   items and pipe tables */
#ifndef SC_FMT_H
#define SC_FMT_H

#include <stddef.h>

#include "doc.h"

struct format {
	const char *name;
	const char *description;
	/* 0 (not this format) .. 100 (certainly this format) */
	int  (*probe)(const struct lines *l, size_t body, const char *text, size_t len);
	void (*parse)(const struct lines *l, size_t body, const char *text, size_t len, struct doc *d);
};

extern const struct format *const formats[];
extern const struct format fmt_markdown_table, fmt_html_table, fmt_code_lines, fmt_pipe_blocks,
                           fmt_sectioned_list;
extern const size_t nformats;

/* Largest document and line the importer reads. */
#define DOC_MAX_BYTES (16u << 20)
#define DOC_MAX_LINE  (256u << 10)

/* Parse a document held in memory. file is only the name shown in
 * messages. On failure returns -1 with a one-line *cause naming the file
 * and, where there is one, the line (caller frees). */
int doc_parse(const char *file, const char *text, size_t len, struct doc *d, char **cause);
/* Read and parse a file. */
int doc_load(const char *path, const char *shown_name, struct doc *d, char **cause);

/* --- shared by the parsers (fmt_table.c) ---------------------------------- */
struct cells {
	char **v;
	size_t n;
	int line;
};
void cells_free(struct cells *c);
/* Split a pipe-table line into trimmed cells (outer pipes dropped). */
void cells_split_pipes(const char *line, int lineno, struct cells *out);
/* Is line a pipe-table separator (|---|:--:|)? */
int pipe_separator(const char *line);
/* Does a markdown pipe table start at line i (a row then a separator)? */
int pipe_table_at(const struct lines *l, size_t i);
/* Read the pipe table starting at line i into rows (header first);
 * returns the index of the first line after it. */
size_t pipe_table_read(const struct lines *l, size_t i, struct cells **rows, size_t *nrows);
/* Turn a table (header + body rows) into doc rows or class texts. */
void table_take(struct doc *d, int table_no, const struct cells *rows, size_t nrows,
                const char *protocol, const char *section);

#endif
