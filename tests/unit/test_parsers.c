/* test_parsers.c: every document format, on documents written for these
 * tests (not the bundled sources): recognition by shape, rows, labels,
 * phrases, protocols, classes, rejected lines, and hostile input. */
#include "config.h"
#include "testutil.h"

static const struct row *find_row(const struct doc *d, const char *label)
{
	for (size_t i = 0; i < d->nrows; i++)
		if (strcmp(d->rows[i].label, label) == 0)
			return &d->rows[i];
	return NULL;
}

static void test_markdown_table(void **state)
{
	struct doc d;
	tu_parse("notes.md",
	         "---\n"
	         "title: \"FTP reply codes, my notes\"\n"
	         "author: someone\n"
	         "date: 2024-01-02\n"
	         "---\n"
	         "\n"
	         "Some prose first.\n"
	         "\n"
	         "| Code | Reason | Meaning |\n"
	         "|:----:|--------|---------|\n"
	         "| 226 | Closing data connection | 传输完成，关闭数据连接。 |\n"
	         "| 530 | Not logged in | 用户未登录 \\| 或密码错误。 |\n"
	         "| 550 | only two cells |\n"
	         "| abc | Not a code | text |\n",
	         &d);
	assert_string_equal(d.format, "markdown-table");
	assert_string_equal(d.title, "FTP reply codes, my notes");
	assert_string_equal(d.author, "someone");
	assert_string_equal(d.date, "2024-01-02");
	assert_int_equal(d.nrows, 2);
	const struct row *r = find_row(&d, "530");
	assert_non_null(r);
	assert_int_equal(r->line, 12);
	assert_string_equal(r->protocol, "ftp"); /* from the title */
	assert_string_equal(r->phrase, "Not logged in");
	assert_string_equal(r->text, "用户未登录 | 或密码错误。");
	/* a short row and a row without a code are rejected, with their lines */
	assert_int_equal(d.nrejects, 2);
	assert_int_equal(d.rejects[0].line, 13);
	assert_non_null(strstr(d.rejects[0].why, "2 cells"));
	assert_int_equal(d.rejects[1].line, 14);
	doc_free(&d);
}

static void test_markdown_two_columns(void **state)
{
	struct doc d;
	tu_parse("t.md",
	         "| 状态码 | 含义 |\n| --- | --- |\n| 404 | 找不到资源。 |\n| 403.14 | 禁止列目录。 |\n", &d);
	assert_string_equal(d.format, "markdown-table");
	assert_int_equal(d.nrows, 2);
	assert_null(d.rows[0].phrase);
	assert_string_equal(d.rows[0].text, "找不到资源。");
	assert_string_equal(d.rows[1].label, "403.14");
	doc_free(&d);
}

static void test_html_table(void **state)
{
	struct doc d;
	tu_parse("page.html",
	         "<html><body>\n"
	         "<h2 id=\"x\">FTP 应答码</h2>\n"
	         "<table>\n"
	         "<thead><tr><th>范围</th><th>类别</th></tr></thead>\n"
	         "<tr><td>200-299</td><td>完成</td></tr>\n"
	         "</table>\n"
	         "<table>\n"
	         "<tr><th>状态码</th><th>原因短语</th><th>含义</th></tr>\n"
	         "<tr><td>530</td><td>Not logged in</td><td>用户 &amp; 密码 &lt;错误&gt;&#65281;</td></tr>\n"
	         "<tr><td>226\n<td>Closing<br>data connection<td>完成\n"
	         "<!-- <tr><td>999</td></tr> -->\n"
	         "</table>\n",
	         &d);
	assert_string_equal(d.format, "html-table");
	assert_int_equal(d.nrows, 2);
	const struct row *r = find_row(&d, "530");
	assert_non_null(r);
	assert_string_equal(r->protocol, "ftp");
	assert_string_equal(r->phrase, "Not logged in");
	assert_string_equal(r->text, "用户 & 密码 <错误>！");
	assert_int_equal(r->line, 9);
	/* unclosed cells still make a row */
	r = find_row(&d, "226");
	assert_non_null(r);
	assert_string_equal(r->phrase, "Closing data connection");
	assert_string_equal(r->text, "完成");
	/* the class table becomes text about a class */
	assert_int_equal(d.ntexts, 1);
	assert_string_equal(d.texts[0].label, "200-299");
	assert_string_equal(d.texts[0].name, "完成");
	assert_null(find_row(&d, "999"));
	doc_free(&d);
}

static void test_code_lines(void **state)
{
	struct doc d;
	tu_parse("plain.txt",
	         "200 请求成功。\n"
	         "\n"
	         "3O1 永久移动。\n"
	         "this line has no code\n"
	         "404.3 MIME 映射策略阻止。\n",
	         &d);
	assert_string_equal(d.format, "code-lines");
	assert_int_equal(d.nrows, 3);
	assert_string_equal(d.rows[1].label, "3O1"); /* kept as written */
	assert_string_equal(d.rows[2].label, "404.3");
	assert_string_equal(d.rows[2].text, "MIME 映射策略阻止。");
	assert_int_equal(d.nrejects, 1);
	assert_int_equal(d.rejects[0].line, 4);
	doc_free(&d);
}

static void test_pipe_blocks(void **state)
{
	struct doc d;
	tu_parse("blocks.txt",
	         "Success answers |\n"
	         "200 |\n"
	         "OK (Fine) |\n"
	         "It worked.\n"
	         "- GET: the body |\n"
	         "since 1.0 |\n"
	         "204 |\n"
	         "No Content |\n"
	         "Nothing to send. |\n"
	         "since 1.0 |\n"
	         "Redirects |\n"
	         "301 |\n"
	         "Moved Permanently |\n"
	         "Gone for good. |\n"
	         "since 1.0 |\n"
	         "3O2 |\n"
	         "Found (Moved) |\n"
	         "Somewhere else. |\n"
	         "since 1.0 |\n"
	         "303 |\n"
	         "See Other |\n"
	         "Use GET. |\n"
	         "since 1.1 |\n",
	         &d);
	assert_string_equal(d.format, "pipe-blocks");
	assert_int_equal(d.nrows, 5);
	const struct row *r = find_row(&d, "200");
	assert_string_equal(r->phrase, "OK");
	assert_string_equal(r->gloss, "Fine");
	assert_string_equal(r->text, "It worked.\n- GET: the body");
	assert_string_equal(r->note, "since 1.0");
	assert_string_equal(r->section, "Success answers");
	assert_int_equal(r->line, 2);
	r = find_row(&d, "3O2");
	assert_non_null(r);
	assert_string_equal(r->phrase, "Found");
	assert_string_equal(r->section, "Redirects");
	doc_free(&d);
}

static void test_sectioned_list(void **state)
{
	struct doc d;
	tu_parse("list.txt",
	         "Contents\n"
	         "HTTP\n"
	         "2xx成功\n"
	         "这一类型的状态码，代表请求已成功。\n"
	         "- 200 – (成功)请求已成功。\n"
	         "- 204 – 无内容，服务器没有返回内容。\n"
	         "4xx客户端错误\n"
	         "- 403.14 – 拒绝目录列表。\n"
	         "- 404.0 -(无) – 没有找到文件或目录。\n"
	         "- 404 – 未找到。自从上次请求后没有找到。\n"
	         "- no code here\n"
	         "FTP\n"
	         "2xx完成\n"
	         "- 226 Closing data connection; transfer complete.\n"
	         "- 227 进入被动模式 (h1,h2,h3,h4,p1,p2)。\n"
	         "- 120 服务已就绪,在 nnn 分钟后开始。\n"
	         "- 221 服务关闭控制连接。已注销。\n"
	         "6xx保护\n"
	         "- 600 Series,Protected replies\n"
	         "WebSocket 关闭码\n"
	         "状态码 | 名称 | 描述 |\n"
	         "---|---|---|\n"
	         "1000 | CLOSE_NORMAL | 正常关闭。 |\n"
	         "4000–4999 | – | 应用使用。 |\n",
	         &d);
	assert_string_equal(d.format, "sectioned-list");
	const struct row *r = find_row(&d, "200");
	assert_string_equal(r->protocol, "http");
	assert_string_equal(r->phrase, "成功");
	assert_string_equal(r->text, "请求已成功。");
	r = find_row(&d, "204");
	assert_string_equal(r->phrase, "无内容");
	/* a head that ends at a comma begins the text's sentence: kept */
	assert_string_equal(r->text, "无内容，服务器没有返回内容。");
	r = find_row(&d, "403.14");
	assert_string_equal(r->phrase, "拒绝目录列表");
	r = find_row(&d, "404.0");
	assert_string_equal(r->note, "无"); /* a qualifier, not the phrase */
	assert_string_equal(r->phrase, "没有找到文件或目录");
	r = find_row(&d, "404");
	assert_string_equal(r->phrase, "未找到");
	r = find_row(&d, "226");
	assert_string_equal(r->protocol, "ftp");
	assert_string_equal(r->text, "Closing data connection; transfer complete.");
	/* commas inside parentheses are no break: the row is whole (issue 12) */
	r = find_row(&d, "227");
	assert_string_equal(r->text, "进入被动模式 (h1,h2,h3,h4,p1,p2)。");
	assert_null(r->phrase);
	/* the text after "服务已就绪," is no sentence of its own */
	r = find_row(&d, "120");
	assert_string_equal(r->phrase, "服务已就绪");
	assert_string_equal(r->text, "服务已就绪,在 nnn 分钟后开始。");
	/* after a full stop the rest stands alone */
	r = find_row(&d, "221");
	assert_string_equal(r->phrase, "服务关闭控制连接");
	assert_string_equal(r->text, "已注销。");
	r = find_row(&d, "1000");
	assert_string_equal(r->protocol, "websocket");
	assert_string_equal(r->phrase, "CLOSE_NORMAL");
	assert_true(r->in_table);
	r = find_row(&d, "4000–4999");
	assert_non_null(r);
	assert_null(r->phrase);
	assert_null(find_row(&d, "600"));
	/* the class prose and the "600 Series" item are texts about classes */
	bool class2 = false, class6 = false;
	for (size_t i = 0; i < d.ntexts; i++) {
		if (d.texts[i].label && strcmp(d.texts[i].label, "2xx") == 0)
			class2 = strcmp(d.texts[i].name, "成功") == 0;
		if (d.texts[i].label && strcmp(d.texts[i].label, "6xx") == 0)
			class6 = strcmp(d.texts[i].text, "Protected replies") == 0;
	}
	assert_true(class2);
	assert_true(class6);
	assert_int_equal(d.nrejects, 1);
	assert_int_equal(d.rejects[0].line, 11);
	doc_free(&d);
}

static void test_code_parse(void **state)
{
	int num, sub, hi;
	char *canon = NULL;

	assert_true(code_parse("404", &num, &sub, &hi, &canon));
	assert_int_equal(num, 404);
	assert_int_equal(sub, -1);
	free(canon);
	assert_true(code_parse("403.14", &num, &sub, &hi, &canon));
	assert_int_equal(sub, 14);
	assert_string_equal(canon, "403.14");
	free(canon);
	assert_true(code_parse("1016–1999", &num, &sub, &hi, &canon));
	assert_int_equal(hi, 1999);
	assert_string_equal(canon, "1016-1999");
	free(canon);
	assert_false(code_parse("1999-1016", &num, &sub, &hi, NULL));
	assert_false(code_parse("60W", &num, &sub, &hi, NULL));
	assert_false(code_parse("", &num, &sub, &hi, NULL));
	assert_false(code_parse("4044444", &num, &sub, &hi, NULL));
	assert_true(code_misread("60W"));
	assert_true(code_misread("3O2"));
	assert_false(code_misread("302"));
	assert_false(code_misread("OK!"));
	assert_false(code_misread("W60"));
}

static void expect_error(const char *text, size_t len, const char *needle)
{
	struct doc d;
	char *cause = NULL;
	assert_int_equal(doc_parse("bad.txt", text, len, &d, &cause), -1);
	assert_non_null(cause);
	if (strstr(cause, needle) == NULL)
		fail_msg("\"%s\" does not say \"%s\"", cause, needle);
	assert_non_null(strstr(cause, "bad.txt")); /* names the file */
	assert_null(strchr(cause, '\n'));        /* one line */
	free(cause);
}

static void test_bad_documents(void **state)
{
	expect_error("", 0, "empty");
	expect_error("200 ok\n\0\x01\x02", 9, "binary");
	expect_error("200 ok\n300 \xff\xfe bad\n", strlen("200 ok\n300 \xff\xfe bad\n"), ":2: not valid UTF-8");
	expect_error("just some prose\nwith nothing in it\n", 35, "not a document format");
	expect_error("| a | b |\n|---|---|\n| x | y |\n", 30, "not a document format");
	/* a 300 KiB line */
	size_t n = 300 * 1024;
	char *big = xmalloc(n + 8);
	memcpy(big, "200 ", 4);
	memset(big + 4, 'a', n);
	big[n + 4] = '\n';
	big[n + 5] = '\0';
	expect_error(big, n + 5, "line longer than");
	free(big);
}

static void test_html_unclosed(void **state)
{
	struct doc d;
	/* an unclosed table and a stray tag soup still give what is there */
	tu_parse("soup.html", "<table><tr><th>code<th>text<tr><td>404<td>gone <b>away", &d);
	assert_int_equal(d.nrows, 1);
	assert_string_equal(d.rows[0].text, "gone away");
	doc_free(&d);
}

/* Regression (found by fuzz_parse): an HTML comment left open at the end of
 * a buffer that has no NUL after it was searched past its end. */
static void test_fuzz_html_comment(void **state)
{
	static const char text[] = "<h2>HTTP</h2><table><tr><th>code</th><th>phrase</th></tr>"
	                           "<tr><td>404</td><td>Not Found</td></tr></table><!--";
	size_t n = sizeof text - 1;
	char *exact = xmalloc(n); /* no NUL: ASan sees any read past the end */
	memcpy(exact, text, n);
	struct doc d;
	char *cause = NULL;
	assert_int_equal(doc_parse("fuzz.html", exact, n, &d, &cause), 0);
	assert_int_equal(d.nrows, 1);
	doc_free(&d);
	free(exact);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_markdown_table),
		cmocka_unit_test(test_markdown_two_columns),
		cmocka_unit_test(test_html_table),
		cmocka_unit_test(test_code_lines),
		cmocka_unit_test(test_pipe_blocks),
		cmocka_unit_test(test_sectioned_list),
		cmocka_unit_test(test_code_parse),
		cmocka_unit_test(test_bad_documents),
		cmocka_unit_test(test_html_unclosed),
		cmocka_unit_test(test_fuzz_html_comment),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
