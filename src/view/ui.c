/* ui.c: the catalogue of the program's own words in English and Chinese,
 * and the interface language (see ui.h). The catalogue is long because it
 * is the one list of them; the code is at the end. */
#include "config.h"
#include "ui.h"

#include <string.h>

#include "say.h"

/* { English (as the code writes it in UI()), Chinese, columns at 80x24 }.
 * Keep the printf conversions of both in the same order (test_ui). */
const struct ui_string ui_strings[] = {
	/* ---- the command line: errors and messages (stderr) ---- */
	{ "Try 'statuscodes --help'.", "请试试“statuscodes --help”。", 0 },
	{ "--lang takes en, zh or both, not '%s'", "--lang 只接受 en、zh 或 both，而不是“%s”", 0 },
	{ "STATUSCODES_LANG takes en, zh or both, not '%s'",
	  "STATUSCODES_LANG 只接受 en、zh 或 both，而不是“%s”", 0 },
	{ "--format takes text, line or json, not '%s'", "--format 只接受 text、line 或 json，而不是“%s”", 0 },
	{ "--color takes auto, always or never, not '%s'", "--color 只接受 auto、always 或 never，而不是“%s”", 0 },
	{ "unknown protocol '%s' (http, ftp or websocket)", "未知的协议“%s”（可用 http、ftp 或 websocket）", 0 },
	{ "--%s takes a number from %ld to %ld, not '%s'", "--%s 需要 %ld 到 %ld 之间的数，而不是“%s”", 0 },
	{ "--class takes a class such as 4xx, not '%s'", "--class 需要一个类别（例如 4xx），而不是“%s”", 0 },
	{ "option '%s' needs a value", "选项“%s”需要一个值", 0 },
	{ "unknown option '-%c'", "未知的选项“-%c”", 0 },
	{ "unknown option '%s'", "未知的选项“%s”", 0 },
	{ "option '%.*s' is ambiguous", "选项“%.*s”有歧义", 0 },
	{ "option '%.*s' takes no value", "选项“%.*s”不接受值", 0 },
	{ "--completion-script takes bash, zsh or fish, not '%s'",
	  "--completion-script 只接受 bash、zsh 或 fish，而不是“%s”", 0 },
	{ "unknown command '%s'; to look for words: statuscodes search ...",
	  "未知的命令“%s”；要查找词语，请用：statuscodes search ...", 0 },
	{ "%s takes no argument ('%s')", "%s 不接受参数（“%s”）", 0 },
	{ "the browser needs a terminal for its keys (/dev/tty: %s)", "浏览器需要终端来读取按键（/dev/tty：%s）", 0 },
	{ "cannot read keys from the terminal: %s", "无法从终端读取按键：%s", 0 },
	{ "import writes only into a database named with --db: statuscodes --db FILE import DOCUMENT",
	  "import 只写入用 --db 指定的数据库：statuscodes --db 文件 import 文档", 0 },
	{ "import needs one file", "import 需要一个文件", 0 },
	{ "show needs a code", "show 需要一个状态码", 0 },
	{ "'%s' is not a status code (search for words with: statuscodes search)",
	  "“%s”不是状态码（查找词语请用：statuscodes search）", 0 },
	{ "'%s' is not a status code", "“%s”不是状态码", 0 },
	{ "list takes a protocol and a class or pattern; '%s' is one too many",
	  "list 只接受一个协议和一个类别或模式；“%s”是多余的", 0 },
	{ "'%s' is not a class or pattern (like 4xx, 40x or 403)", "“%s”不是类别或模式（例如 4xx、40x 或 403）", 0 },
	{ "search needs words to look for", "search 需要要查找的词语", 0 },
	{ "nothing matches \"%s\"", "没有与“%s”匹配的内容", 0 },
	{ "compare needs two to %d codes, like: statuscodes compare 401 403 407",
	  "compare 需要 2 到 %d 个状态码，例如：statuscodes compare 401 403 407", 0 },
	{ "quiz takes no argument ('%s'); see --protocol and --class", "quiz 不接受参数（“%s”）；请看 --protocol 和 --class", 0 },
	{ "quiz takes --stats or --export, not both", "quiz 只能用 --stats 或 --export 之一，不能同时使用", 0 },
	{ "no cards to study for this choice", "按这个选择没有可学习的卡片", 0 },
	{ "no cards to study for this choice (no bookmarks?)", "按这个选择没有可学习的卡片（还没有书签？）", 0 },
	{ "no bookmarks yet: in the browser, press %s on a code to bookmark it",
	  "还没有书签：在浏览器中，在状态码上按 %s 即可加书签", 0 },
	{ "no history yet: the codes you open in the browser are remembered",
	  "还没有历史记录：在浏览器中打开过的状态码会被记住", 0 },
	{ "study progress cannot be kept: no writable user database ($XDG_DATA_HOME/statuscodes)",
	  "无法保存学习进度：没有可写的用户数据库（$XDG_DATA_HOME/statuscodes）", 0 },
	{ "the answer could not be saved in the user database", "答案无法保存到用户数据库", 0 },
	{ "the study progress cannot be read from the user database", "无法从用户数据库读取学习进度", 0 },
	{ "cannot write %s: %s", "无法写入 %s：%s", 0 },
	{ "cannot read %s: %s", "无法读取 %s：%s", 0 },
	{ "no %s code %s", "没有 %s 状态码 %s", 0 },
	{ "no %s entry %s", "没有 %s 条目 %s", 0 },
	{ "no entry %s", "没有条目 %s", 0 },
	{ "; closest: ", "；最接近的：", 0 },
	{ "%s (another database: --db FILE or STATUSCODES_DB=FILE)",
	  "%s（换一个数据库：--db 文件 或 STATUSCODES_DB=文件）", 0 },
	{ "the database cannot be used", "数据库无法使用", 0 },

	{ "Did you mean \"%s\"? Showing hits for it.", "你是不是要找“%s”？以下是它的结果。", 0 },
	{ "%zu hits have all %zu words; the rest match some of them, most first.",
	  "%zu 项含全部 %zu 个词；其余按所含词数排列。", 0 },
	{ "No match; close matches:", "没有匹配项；相近的有：", 0 },
	{ "  %lld line; ", "  %lld 行；", 0 },
	{ "  %lld lines; ", "  %lld 行；", 0 },
	{ "%lld row taken; ", "导入 %lld 行；", 0 },
	{ "%lld rows taken; ", "导入 %lld 行；", 0 },
	{ "%lld claim; ", "%lld 条陈述；", 0 },
	{ "%lld claims; ", "%lld 条陈述；", 0 },
	{ "%lld defect found", "发现 %lld 个问题", 0 },
	{ "%lld defects found", "发现 %lld 个问题", 0 },
	{ "line %d", "第 %d 行", 0 },
	{ "whole document", "整个文档", 0 },
	{ "%s, %s: %s. Resolved: %s.", "%s，%s：%s。处理：%s。", 0 },
	{ "%s: read as %s: %zu rows", "%s：按 %s 格式读取：%zu 行", 0 },
	{ "%s: taken %zu rows (%zu new entries), %zu claims (%zu used); rejected %zu lines; %zu findings",
	  "%s：导入 %zu 行（%zu 个新条目），%zu 条陈述（采用 %zu 条）；拒绝 %zu 行；%zu 个发现", 0 },
	{ "; dry run: nothing written", "；试运行：什么也没写入", 0 },
	{ "%s: imported before, the same claims: nothing written", "%s：之前已导入过，陈述相同：什么也没写入", 0 },
	{ "missing: %s %s%s", "缺少：%s %s%s", 0 },
	{ "protocol", "协议", 0 },
	{ "entries", "条目数", 0 },
	{ "standard", "标准", 0 },
	{ "phrase_en", "英文短语", 0 },
	{ "phrase_zh", "中文短语", 0 },
	{ "summary_en", "英文摘要", 0 },
	{ "summary_zh", "中文摘要", 0 },
	{ "detail_en", "英文详情", 0 },
	{ "detail_zh", "中文详情", 0 },
	{ "check_en", "英文排查", 0 },
	{ "check_zh", "中文排查", 0 },
	{ "coverage: incomplete", "覆盖：不完整", 0 },
	{ "coverage: 100%", "覆盖：100%", 0 },

	/* ---- the command line: entries, lists and comparisons (stdout) ---- */
	{ "  (close match)", "  (相近)", 0 },
	{ "How to tell them apart", "如何区分", 0 },
	{ "No curated note compares these two codes", "没有比较这两个状态码的说明", 0 },
	{ "No curated note compares these codes", "没有比较这些状态码的说明", 0 },
	{ "  sub-status of ", "  子状态码，属于 ", 0 },
	{ "(from %s)", "（摘自 %s）", 0 },
	{ "(written by the statuscodes project)", "（本项目撰写）", 0 },
	{ "written by the statuscodes project", "本项目撰写", 0 },
	{ "%s:%d %s: %s; %s", "%s:%d %s：%s；%s", 0 },
	{ "also ", "另见 ", 0 },
	{ "notes", "区分说明", 0 },
	{ ", ", "、", 0 },
	{ "(more with --full: %s)", "（--full 显示更多：%s）", 0 },
	{ "… and %zu more: statuscodes list %s", "……另有 %zu 个：statuscodes list %s", 0 },
	{ "and %zu more", "另有 %zu 个", 0 },
	{ " (", "（", 0 },
	{ ")", "）", 0 },

	/* ---- the lower layers' messages (SAY(), src/core/say.h), on stderr ---- */
	{ "%s cannot be written (locked or damaged)", "%s 无法写入（被锁定或已损坏）", 0 },
	{ "%s cannot be written", "%s 无法写入", 0 },
	{ "%s was made by a newer statuscodes", "%s 由更新版本的 statuscodes 创建", 0 },
	{ "%s: %s: not a usable statuscodes database", "%s：%s：不是可用的 statuscodes 数据库", 0 },
	{ "%s: %s: the disk is full; the database is as it was", "%s：%s：磁盘已满；数据库保持原样", 0 },
	{ "%s: %s: the file size limit was reached (ulimit -f); the database is as it was",
	  "%s：%s：达到了文件大小限制（ulimit -f）；数据库保持原样", 0 },
	{ "cannot replace it with the new copy", "无法用新副本替换它", 0 },
	{ "%s: cannot replace it with the new copy: %s; the database is as it was",
	  "%s：无法用新副本替换它：%s；数据库保持原样", 0 },
	{ "no entry with id %lld", "没有 id 为 %lld 的条目", 0 },
	{ "%s: already exists; will not overwrite it", "%s：已存在；不会覆盖它", 0 },
	{ "%s: an interrupted write (by an older statuscodes?) left %s-journal; nothing is "
	  "lost, but it must be rolled back before the database can be read: run "
	  "sqlite3 '%s' 'PRAGMA quick_check' as a user who may write to its directory, or "
	  "import into it with --db (do not delete the journal)",
	  "%s：一次中断的写入（也许来自旧版 statuscodes）留下了 %s-journal；没有丢失任何内容，"
	  "但必须先回滚才能读取数据库：请以可以写入其目录的用户运行 "
	  "sqlite3 '%s' 'PRAGMA quick_check'，或用 --db 向它导入（不要删除该日志文件）", 0 },
	{ "%s: another import replaced it just now; run this one again", "%s：另一次导入刚刚替换了它；请再运行一次", 0 },
	{ "%s: cannot lock it for writing: %s", "%s：无法锁定以写入：%s", 0 },
	{ "%s: cannot open database: %s", "%s：无法打开数据库：%s", 0 },
	{ "%s: cannot read the database: permission denied", "%s：无法读取数据库：权限不足", 0 },
	{ "%s: cannot set up full-text search", "%s：无法建立全文搜索", 0 },
	{ "%s: cannot write a copy beside it in %s: %s", "%s：无法在 %s 中写入副本：%s", 0 },
	{ "%s: database not found", "%s：找不到数据库", 0 },
	{ "%s: internal error: publishing an unfinished import", "%s：内部错误：发布了未完成的导入", 0 },
	{ "%s: is a directory, not a database", "%s：是目录，不是数据库", 0 },
	{ "%s: is not a regular file", "%s：不是普通文件", 0 },
	{ "%s: made by a newer statuscodes (schema %d; this program reads %d)",
	  "%s：由更新版本的 statuscodes 创建（模式 %d；本程序读取 %d）", 0 },
	{ "%s: made by an older statuscodes (schema %d; this program reads %d); rebuild it",
	  "%s：由旧版本的 statuscodes 创建（模式 %d；本程序读取 %d）；请重新生成", 0 },
	{ "%s: not a statuscodes database", "%s：不是 statuscodes 数据库", 0 },
	{ "%s: the database file is empty", "%s：数据库文件是空的", 0 },
	{ "%s: the database is read-only", "%s：数据库是只读的", 0 },
	{ "%s:%d: the review matches no claim of a document", "%s:%d：该审阅不对应任何文档的陈述", 0 },
	{ "a read or write error occurred", "发生了读写错误", 0 },
	{ "a value is too large", "某个值过大", 0 },
	{ "cannot compact", "无法压缩", 0 },
	{ "cannot create the schema", "无法创建数据库结构", 0 },
	{ "cannot index", "无法建立索引", 0 },
	{ "cannot make a working copy", "无法制作工作副本", 0 },
	{ "cannot open the file", "无法打开文件", 0 },
	{ "cannot read the review", "无法读取审阅", 0 },
	{ "cannot read", "无法读取", 0 },
	{ "cannot search", "无法搜索", 0 },
	{ "cannot write", "无法写入", 0 },
	{ "not an SQLite database", "不是 SQLite 数据库", 0 },
	{ "out of memory", "内存不足", 0 },
	{ "permission denied", "权限不足", 0 },
	{ "the database file is damaged", "数据库文件已损坏", 0 },
	{ "the database is locked by another process", "数据库被另一个进程锁定", 0 },
	{ "the database refused the change (a rule of its schema)", "数据库拒绝了这项修改（其结构中的规则）", 0 },
	{ "the database is read-only", "数据库是只读的", 0 },
	{ "the disk is full", "磁盘已满", 0 },
	{ "the folder %s cannot be written", "文件夹 %s 无法写入", 0 },
	{ "no such file or directory", "没有这个文件或目录", 0 },
	{ "a part of the path is not a directory", "路径中有一部分不是目录", 0 },
	{ "the file system is read-only", "文件系统是只读的", 0 },
	{ "is a directory", "是一个目录", 0 },
	/* import: reading a document, and each finding as it is made */
	{ "%s: the document is larger than %u MiB", "%s：文档大于 %u MiB", 0 },
	{ "%s: the document is empty", "%s：文档是空的", 0 },
	{ "%s: a binary file, not a text document", "%s：是二进制文件，不是文本文档", 0 },
	{ "%s:%zu: not valid UTF-8 text", "%s:%zu：不是有效的 UTF-8 文本", 0 },
	{ "%s:%zu: line longer than %u KiB", "%s:%zu：行长超过 %u KiB", 0 },
	{ "%s: not a document format statuscodes can read "
	  "(markdown table, HTML table, code lines, pipe blocks or sectioned list)",
	  "%s：不是 statuscodes 能读的文档格式（Markdown 表格、HTML 表格、代码行、竖线分块或分节列表）", 0 },
	{ "%s: read as %s, but no row with a status code was found", "%s：按 %s 读取，但没有找到含状态码的行", 0 },
	{ "%s: read error", "%s：读取出错", 0 },
	{ "%s: %s", "%s：%s", 0 },   /* a file and why it cannot be read */
	{ "cannot write the output: %s", "无法写出输出：%s", 0 },
	{ "write error", "写入出错", 0 },
	{ "%s:%d: %s: %s; %s", "%s:%d：%s：%s；%s", 0 },

	/* ---- --help ---- */
	{ "Usage: statuscodes [OPTION]... [COMMAND] [ARG]...", "用法：statuscodes [选项]... [命令] [参数]...", 0 },
	{ "A bilingual (English/中文) reference for HTTP, FTP and WebSocket status codes.",
	  "HTTP、FTP 和 WebSocket 状态码的双语（English/中文）参考。", 0 },
	{ "Commands:", "命令：", 0 },
	{ "Options:", "选项：", 0 },
	{ "With no command, statuscodes opens the browser; press ? there for its keys.",
	  "不带命令时，statuscodes 打开浏览器；在浏览器中按 ? 查看按键。", 0 },
	{ "Exit status:", "退出状态：", 0 },
	{ "Report bugs to: %s", "报告错误：%s", 0 },
	{ "COMMANDS", "命令", 0 },
	{ "OPTIONS", "选项", 0 },
	{ "KEYS", "按键", 0 },
	{ "EXIT STATUS", "退出状态", 0 },
	{ "In the browser (press ? there for the same list):", "浏览器中的按键（在浏览器中按 ? 可看到同样的列表）：", 0 },

	/* ---- the browser: the status line (80 columns at 80x24) ---- */
	{ "help", "帮助", 10 },
	{ "search", "搜索", 10 },
	{ "open", "打开", 10 },
	{ "back", "返回", 10 },
	{ "compare", "比较", 10 },
	{ "language", "语言", 10 },
	{ "bookmark", "书签", 10 },
	{ "quit", "退出", 10 },
	{ "go to: %s%s%s", "跳转：%s%s%s", 20 },
	{ "compare %s %s with (a code, or ftp 530): ", "将 %s %s 与哪个比较（状态码，或 ftp 530）：", 60 },
	{ " close", " 相近", 8 },
	{ " \xE2\x80\xBA search \"%s\"", " \xE2\x80\xBA 搜索“%s”", 20 },
	{ "no search results: press %s to search", "没有搜索结果：按 %s 搜索", 70 },
	{ "result %zu of %zu", "第 %zu 项，共 %zu 项", 60 },
	{ "select a code first", "请先选择一个状态码", 80 },
	{ "registered codes only: vendors' and sub-status codes hidden", "只显示已注册的状态码：已隐藏厂商的状态码和子状态码", 80 },
	{ "all codes: vendor and sub-status codes shown", "全部状态码：已显示厂商的状态码和子状态码", 80 },
	{ "No codes seen: give the browser a file (statuscodes browse FILE).",
	  "没有看到的状态码：请给浏览器一个文件（statuscodes browse 文件）。", 80 },
	{ "no history yet: codes you open are remembered", "还没有历史记录：打开过的状态码会被记住", 80 },
	{ "at the oldest entry of the history", "已是历史中最早的一项", 80 },
	{ "at the newest entry of the history", "已是历史中最新的一项", 80 },
	{ "no user data directory", "没有用户数据目录", 40 },
	{ "user data is read-only", "用户数据是只读的", 40 },
	{ "user data cannot be written", "用户数据无法写入", 40 },
	{ "bookmarked: %s %s", "已加书签：%s %s", 60 },
	{ "bookmark removed: %s %s", "已删除书签：%s %s", 60 },
	{ "bookmarked: %s %s, this session only (not saved: %s)", "已加书签：%s %s，仅限本次（未保存：%s）", 50 },
	{ "bookmark removed: %s %s, this session only (not saved: %s)",
	  "已删除书签：%s %s，仅限本次（未保存：%s）", 54 },
	{ "the database cannot be read", "数据库无法读取", 80 },
	{ "%s, this session only (not saved: %s)", "%s，仅限本次（未保存：%s）", 40 },
	{ "history is kept for this session only (not saved: %s)", "历史仅保存在本次会话中（未保存：%s）", 60 },
	{ "no other confusable peer", "没有其他容易混淆的状态码", 80 },
	{ "no code '%s' to compare with", "没有可比较的状态码“%s”", 60 },
	{ "that is the same code", "这是同一个状态码", 80 },
	{ "nothing matches; Esc shows the class again", "没有匹配项；按 Esc 回到类别", 80 },
	{ "no code %s", "没有状态码 %s", 60 },
	{ "study needs a writable user database ($XDG_DATA_HOME/statuscodes)",
	  "学习需要可写的用户数据库（$XDG_DATA_HOME/statuscodes）", 80 },
	{ "the answer could not be saved", "答案无法保存", 80 },
	{ "the study progress cannot be read", "无法读取学习进度", 80 },
	{ "%s %s is no longer in the database", "%s %s 已不在数据库中", 60 },
	/* ---- the browser: headings of panes and overlays (with lang_bi, "Codes · 状态码") ---- */
	{ "Protocol", "协议", 12 },
	{ "Class", "类别", 12 },
	{ "Codes", "状态码", 12 },
	{ "Search", "搜索", 12 },
	{ "No match; close", "无匹配；相近", 16 },
	{ "Detail", "详情", 12 },
	{ "Cross-references", "交叉引用", 16 },
	{ "Compare", "比较", 12 },
	{ "Study", "学习", 12 },
	{ "Seen", "输入中出现的状态码", 20 },
	{ "Bookmarks", "书签", 12 },
	{ "History", "历史", 12 },
	{ "sub-status of", "子状态码，属于", 16 },
	{ "match", "匹配", 8 },
	{ "summary from", "摘要来自", 16 },
	{ "Nothing selected.", "未选择。", 20 },
	{ "No note on these two: they are not a known confusable pair.", "这两个不是常见的混淆组合。", 0 },
	/* kinds of cross-reference, in a column of 9 */
	{ "confused", "易混淆", 9 },
	{ "same no.", "同编号", 9 },
	{ "mentions", "提到", 9 },
	{ "cited by", "被提到", 9 },
	/* the language key's message, and the title line's [中文] */
	{ "language: English", "语言：英文", 40 },
	{ "language: Chinese", "语言：中文", 40 },
	{ "language: English + %s", "语言：英文 + %s", 40 },
	{ "Chinese", "中文", 8 },
	/* ---- the browser's start (stderr) ---- */
	{ "the browser needs a terminal on stdin and stdout; for one answer use a command such as "
	  "'statuscodes 404' (see --help)",
	  "浏览器需要标准输入和标准输出都是终端；只要一个答案时请用命令，例如“statuscodes 404”（见 --help）", 0 },
	{ "TERM is not set, so the browser cannot drive this terminal; set TERM or use a command such as "
	  "'statuscodes 404'",
	  "TERM 未设置，浏览器无法驱动这个终端；请设置 TERM，或用命令，例如“statuscodes 404”", 0 },
	{ "unknown terminal type ", "未知的终端类型 ", 0 },
	{ " (TERM); the browser cannot drive it; use a command such as 'statuscodes 404'",
	  "（TERM）；浏览器无法驱动它；请用命令，例如“statuscodes 404”", 0 },
	{ "no terminfo database found; the browser cannot run; use a command such as 'statuscodes 404'",
	  "找不到 terminfo 数据库，浏览器无法运行；请用命令，例如“statuscodes 404”", 0 },
	{ "terminal type ", "终端类型 ", 0 },
	{ " cannot move the cursor, which the browser needs; use a command such as 'statuscodes 404'",
	  " 不能移动光标，而浏览器需要移动光标；请用命令，例如“statuscodes 404”", 0 },

	/* ---- the browser: titles of overlays (their width at 80x24 is 76) ---- */
	{ "Keys (%s or q closes; the same list is in man statuscodes)",
	  "按键（%s 或 q 关闭；man statuscodes 中有同样的列表）", 70 },
	{ ", most first  (Enter: open, %s: close)", "，次数多的在前（Enter：打开，%s：关闭）", 40 },
	{ "  (Enter: open, %s: remove, %s: close)", "（Enter：打开，%s：删除，%s：关闭）", 50 },
	{ ", newest first  (Enter: open, %s: close)", "，最新的在前（Enter：打开，%s：关闭）", 50 },
	{ "  (%s: next peer)", "（%s：下一个）", 20 },
	{ "  %zu/%zu  (Enter: answer, then next; o: open the entry; Esc: close)",
	  "  %zu/%zu（Enter：回答，再按进入下一题；o：打开条目；Esc：关闭）", 66 },
	{ "No bookmarks yet: press %s on a code.", "还没有书签：在状态码上按 %s。", 76 },
	{ "No history yet: the codes you open are remembered here.", "还没有历史记录：打开过的状态码会记在这里。", 76 },

	/* ---- the browser: the help overlay (wrapped) and the small screen ---- */
	{ "Panes: protocol, class (with its description), codes, detail (both languages, sources and defects), "
	  "cross-references. Wide terminals show them side by side; narrow ones show fewer: Enter goes down a "
	  "level, Backspace back up.",
	  "窗格：协议、类别（附说明）、状态码、详情（两种语言、来源和问题）、交叉引用。宽终端并排显示它们；"
	  "窄终端显示得少一些：Enter 进入下一级，Backspace 返回上一级。", 0 },
	{ "Colours: 1xx blue, 2xx green, 3xx cyan, 4xx yellow, 5xx red (off with NO_COLOR or --color=never).",
	  "颜色：1xx 蓝、2xx 绿、3xx 青、4xx 黄、5xx 红（用 NO_COLOR 或 --color=never 关闭）。", 0 },
	{ "Marks: standard, a vendor's name (nginx, IIS, ...), obsolete; where a row has no room for the word, "
	  "one letter: S standard, V a vendor's, O obsolete.",
	  "标记：标准、厂商名（nginx、IIS 等）、已废弃；行中放不下文字时用一个字母：S 标准，V 厂商，O 已废弃。", 0 },
	{ "Terminal too small:", "终端太小：", 40 },
	{ "needs at least %dx%d,", "至少需要 %dx%d，", 34 },
	{ "this one is %dx%d.", "当前为 %dx%d。", 34 },
	{ "Enlarge it, or press q to quit.", "请放大终端，或按 q 退出。", 40 },
};
const size_t ui_string_count = sizeof ui_strings / sizeof ui_strings[0];

static enum lang current = LANG_BOTH;

/* The lower layers' messages (SAY()) speak the interface language too. */
static const char *say_lookup(const char *en) { return ui_text(en); }

void ui_set_lang(enum lang l)
{
	current = l;
	say_set(say_lookup, l == LANG_ZH);
}
enum lang ui_lang(void) { return current; }

const char *ui_text_zh(const char *en)
{
	if (en == NULL)
		return en;
	for (size_t i = 0; i < ui_string_count; i++)
		if (strcmp(ui_strings[i].en, en) == 0)
			return ui_strings[i].zh;
	return en;
}

const char *ui_text_in(enum lang l, const char *en)
{
	return l == LANG_ZH ? ui_text_zh(en) : en;
}

const char *ui_text(const char *en)
{
	return ui_text_in(current, en);
}

char *ui_bi(enum lang l, const char *en)
{
	return lang_bi(l, en, ui_text_zh(en));
}

const char *ui_pick(const char *en, const char *zh)
{
	return current == LANG_ZH && zh && *zh ? zh : en;
}

static bool set(const char *s) { return s && *s; }

bool ui_lang_choose(const struct ui_lang_inputs *in, enum lang *out, enum ui_lang_from *from)
{
	const char *loc = set(in->lc_all) ? in->lc_all : set(in->lc_messages) ? in->lc_messages : in->lang;

	if (in->flag) {
		*from = UI_FROM_FLAG;
		return lang_parse(in->flag, out);
	}
	if (set(in->env)) {
		*from = UI_FROM_ENV;
		return lang_parse(in->env, out);
	}
	*from = UI_FROM_SAVED;
	if (lang_parse(in->saved, out))
		return true;
	*from = UI_FROM_LOCALE;
	if (set(loc) && strncmp(loc, "zh", 2) == 0) {
		*out = LANG_ZH;
		return true;
	}
	*from = UI_FROM_DEFAULT;
	*out = LANG_BOTH;
	return true;
}
