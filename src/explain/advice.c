/* advice.c: the bilingual texts explain adds to what the database says. */
#include "config.h"
#include "advice.h"

const struct ex_advice explain_advice[ADV_COUNT] = {
	[ADV_LOCATION] = { "location",
	  "Location: where to go next. Browsers follow it; curl needs -L. Check that the chain ends "
	  "and does not loop (http to https to http, or a path that keeps growing).",
	  "Location：下一步要去的地址。浏览器会自动跟随，curl 需要加 -L。检查跳转链能否结束，"
	  "是否来回循环（http 与 https 互跳，或路径不断变长）。" },
	[ADV_LOCATION_CREATED] = { "location-created",
	  "Location: the address of what was just created.",
	  "Location：刚创建的资源的地址。" },
	[ADV_RETRY_AFTER] = { "retry-after",
	  "Retry-After: wait this long (seconds, or until this date) before trying again; retrying "
	  "sooner usually extends the block.",
	  "Retry-After：重试前需等待的时间（秒数或某个日期）；提前重试通常会延长限制。" },
	[ADV_RATELIMIT] = { "ratelimit",
	  "Rate limit header: the quota, how much of it is left and when it resets; pace requests "
	  "to stay under it.",
	  "限流头：配额、剩余量以及何时重置；请控制请求速度，保持在限额之内。" },
	[ADV_WWW_AUTHENTICATE] = { "www-authenticate",
	  "WWW-Authenticate: the scheme the server wants (Basic, Bearer, Digest...). Send "
	  "credentials in the Authorization header; an error= parameter says why a token was refused.",
	  "WWW-Authenticate：服务器要求的认证方案（Basic、Bearer、Digest 等）。在 Authorization "
	  "头中发送凭据；error= 参数说明令牌被拒的原因。" },
	[ADV_PROXY_AUTHENTICATE] = { "proxy-authenticate",
	  "Proxy-Authenticate: a proxy between you and the server wants credentials; send them in "
	  "Proxy-Authorization (curl --proxy-user), not in Authorization.",
	  "Proxy-Authenticate：你与服务器之间的代理要求认证；凭据放在 Proxy-Authorization 中"
	  "（curl --proxy-user），而不是 Authorization。" },
	[ADV_ALLOW] = { "allow",
	  "Allow: the methods this resource accepts; use one of them.",
	  "Allow：该资源接受的方法；请改用其中之一。" },
	[ADV_CONTENT_RANGE] = { "content-range",
	  "Content-Range: which bytes this part holds, out of the total; ask for the rest with Range.",
	  "Content-Range：本部分包含的字节范围及总长度；用 Range 请求其余部分。" },
	[ADV_CONTENT_RANGE_416] = { "content-range-416",
	  "Content-Range: bytes */N gives the real size; ask for a range inside it (a resumed "
	  "download of a file that has since changed or shrunk ends here).",
	  "Content-Range：bytes */N 给出实际大小；请求其范围之内的字节（文件已变化或变小后继续"
	  "下载就会出现这种情况）。" },
	[ADV_UPGRADE] = { "upgrade",
	  "Upgrade: the protocol switched to (101) or required (426); the client must speak it.",
	  "Upgrade：已切换到（101）或要求使用（426）的协议；客户端必须支持它。" },
	[ADV_CONNECTION] = { "connection",
	  "Connection: must include Upgrade for a protocol switch to take place.",
	  "Connection：协议切换时必须包含 Upgrade。" },
	[ADV_SERVER] = { "server",
	  "Server: the software that produced this response; if it is not what runs at your origin, "
	  "a proxy or CDN answered.",
	  "Server：生成此响应的软件；如果不是源服务器运行的软件，说明是代理或 CDN 作答。" },
	[ADV_CF_RAY] = { "cf-ray",
	  "CF-Ray: the response came through Cloudflare; quote this ID to its support. Codes "
	  "520-530 are Cloudflare's own.",
	  "CF-Ray：响应经过 Cloudflare；联系其支持时提供此 ID。520-530 是 Cloudflare 自己的状态码。" },
	[ADV_X_CACHE] = { "x-cache",
	  "X-Cache: whether a cache answered from its store (HIT) or asked the origin (MISS).",
	  "X-Cache：缓存是直接作答（HIT）还是转问源服务器（MISS）。" },
	[ADV_VIA] = { "via",
	  "Via: the proxies the response passed through.",
	  "Via：响应经过的代理。" },
	[ADV_CDN_ID] = { "cdn-id",
	  "A CDN request ID (CloudFront, Fastly, Akamai): the response came through that CDN; quote "
	  "the ID to its support.",
	  "CDN 请求 ID（CloudFront、Fastly、Akamai）：响应经过该 CDN；联系其支持时提供此 ID。" },
	[ADV_HOP_CACHE] = { "hop-cache",
	  "Answered by a cache (X-Cache: HIT): the origin was not asked. If the status is stale, "
	  "purge the cache.",
	  "由缓存作答（X-Cache: HIT）：没有询问源服务器。若状态已过时，请清除缓存。" },
	[ADV_HOP_CDN] = { "hop-cdn",
	  "Came through a CDN: the status may be the CDN edge's own or the origin's; request the "
	  "origin directly to tell them apart.",
	  "经过 CDN：该状态可能来自 CDN 边缘节点，也可能来自源服务器；直接请求源服务器即可区分。" },
	[ADV_HOP_PROXY] = { "hop-proxy",
	  "Came through a proxy (Via): the status may be the proxy's own, not the origin's.",
	  "经过代理（Via）：该状态可能是代理自己的，而不是源服务器的。" },
	[ADV_HOP_ORIGIN] = { "hop-origin",
	  "No sign of a proxy or CDN: most likely the origin server answered.",
	  "没有代理或 CDN 的迹象：很可能是源服务器作答。" },
	[ADV_FTP_BAD_LOGIN] = { "ftp-bad-login",
	  "530 after PASS: the user name or password is wrong, or this account may not log in here.",
	  "PASS 之后的 530：用户名或密码错误，或该账户不允许在此登录。" },
	[ADV_FTP_USER_REFUSED] = { "ftp-user-refused",
	  "530 after USER: this user may not log in at all (anonymous login off, user not allowed, or "
	  "TLS required before login).",
	  "USER 之后的 530：该用户根本不允许登录（匿名登录已关闭、用户不在允许列表，或要求先启用 TLS）。" },
	[ADV_FTP_PASV_BLOCKED] = { "ftp-pasv-blocked",
	  "After PASV/EPSV: the data connection was blocked. In passive mode the client connects to "
	  "the port the server named; a firewall or NAT dropped it, or the server announced a private "
	  "address. Open the server's passive port range, set its external address, or try active "
	  "mode (PORT).",
	  "PASV/EPSV 之后：数据连接被阻断。被动模式下客户端连接服务器给出的端口；防火墙或 NAT 丢弃了"
	  "该连接，或服务器通告了内网地址。请开放服务器的被动端口范围、设置其外部地址，或改用主动模式（PORT）。" },
	[ADV_FTP_PORT_BLOCKED] = { "ftp-port-blocked",
	  "After PORT/EPRT: the server could not connect back to the client. Active mode needs "
	  "incoming connections, which NAT and firewalls usually block; use passive mode (PASV/EPSV).",
	  "PORT/EPRT 之后：服务器无法回连客户端。主动模式需要接受入站连接，而 NAT 和防火墙通常会阻止；"
	  "请改用被动模式（PASV/EPSV）。" },
	[ADV_FTP_EPSV_REFUSED] = { "ftp-epsv-refused",
	  "EPSV refused: the server or a middlebox does not support extended passive mode; fall back "
	  "to PASV (curl --disable-epsv).",
	  "EPSV 被拒：服务器或中间设备不支持扩展被动模式；请退回 PASV（curl --disable-epsv）。" },
	[ADV_RULE_PARENT] = { "rule-parent",
	  "This sub-status is not in the database; the meaning of its main code applies.",
	  "数据库中没有这个子状态码；适用其主状态码的含义。" },
	[ADV_RULE_CLASS] = { "rule-class",
	  "Not a registered code. RFC 9110 section 15: a client that does not recognise a status code "
	  "treats it as the x00 code of its class.",
	  "不是已注册的状态码。RFC 9110 第 15 节：客户端遇到无法识别的状态码时，按其类别的 x00 处理。" },
	[ADV_RULE_RANGE] = { "rule-range",
	  "Not registered one by one; the rules of its range apply.",
	  "未单独注册；适用其所在范围的规则。" },
	[ADV_RULE_NO_RESPONSE] = { "rule-no-response",
	  "No response at all: curl prints 000 (and a HAR 0) when the connection failed, timed out, "
	  "was refused or was blocked before any status came back. Look at DNS, TLS, the network or "
	  "the browser (CORS, ad blockers), not at the server's status codes.",
	  "完全没有响应：在收到任何状态之前连接失败、超时、被拒绝或被拦截时，curl 显示 000（HAR 中为 0）。"
	  "请检查 DNS、TLS、网络或浏览器（CORS、广告拦截），而不是服务器的状态码。" },
	[ADV_RULE_INVALID] = { "rule-invalid",
	  "Outside every range the protocol defines (HTTP: 100-599): not a valid status; clients "
	  "treat the response as malformed.",
	  "超出协议定义的所有范围（HTTP 为 100-599）：不是有效状态码；客户端会视为格式错误的响应。" },
	[ADV_WS_PRIVATE] = { "ws-private",
	  "4000-4999 are private: their meaning is agreed between your own client and server; look it "
	  "up in the application's code or documentation.",
	  "4000-4999 为私有使用：含义由你自己的客户端和服务器约定；请查阅应用的代码或文档。" },
	[ADV_WS_REGISTERED] = { "ws-registered",
	  "3000-3999 are registered with IANA for libraries, frameworks and applications; look the "
	  "number up in the IANA WebSocket close code registry or the library's documentation.",
	  "3000-3999 供库、框架和应用向 IANA 注册；请在 IANA WebSocket 关闭码注册表或相应库的文档中查找。" },
};
