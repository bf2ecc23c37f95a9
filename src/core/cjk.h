/* cjk.h: the CJK character classes, written once (issue 9 item 3). The
 * search tokenizer, the query builder and the text helpers all ask these,
 * so what is indexed as a one-character token and what a query treats as
 * one can never drift apart. Inline: the tokenizer calls them per code
 * point. */
#ifndef SC_CJK_H
#define SC_CJK_H

#include <stdbool.h>
#include <stdint.h>

/* Han ideographs: the unified block, extension A, the compatibility
 * ideographs and the supplementary planes' extensions B-G. */
static inline bool cp_is_cjk_ideograph(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F);
}

/* 々 〆 〇 (U+3005-3007): ideographs in use, although they stand in the
 * block of CJK symbols and punctuation. */
static inline bool cp_is_cjk_iteration(uint32_t cp)
{
	return cp >= 0x3005 && cp <= 0x3007;
}

/* Hiragana and katakana (U+3040-30FF) without the katakana middle dot ・
 * (U+30FB), which separates words. */
static inline bool cp_is_kana(uint32_t cp)
{
	return cp >= 0x3040 && cp <= 0x30FF && cp != 0x30FB;
}

/* Half-width katakana (U+FF66-FF9F). */
static inline bool cp_is_halfwidth_kana(uint32_t cp)
{
	return cp >= 0xFF66 && cp <= 0xFF9F;
}

/* A character that is a word by itself: the "sc" tokenizer makes each one
 * a token of its own, so a prefix query on it finds nothing more. */
static inline bool cp_is_cjk_letter(uint32_t cp)
{
	return cp_is_cjk_ideograph(cp) || cp_is_cjk_iteration(cp) || cp_is_kana(cp) ||
	       cp_is_halfwidth_kana(cp);
}

/* Anything in the CJK blocks: ideographs, symbols and punctuation, kana
 * and its extensions, full-width and half-width forms. */
static inline bool cp_is_cjk(uint32_t cp)
{
	return cp_is_cjk_ideograph(cp) ||
	       (cp >= 0x3000 && cp <= 0x303F) || /* CJK symbols and punctuation */
	       (cp >= 0x3040 && cp <= 0x30FF) || /* hiragana, katakana */
	       (cp >= 0x31F0 && cp <= 0x31FF) || /* katakana extensions */
	       (cp >= 0xFF00 && cp <= 0xFFEF);   /* full-width forms */
}

#endif
