<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ConfigLoader</name>
        <message>
            <source>TCP port for WebSocket, HTTP API and health check (default 8080).</source>
            <translation>WebSocket、HTTP API 和健康检查使用的 TCP 端口（默认 8080）。</translation>
        </message>
        <message>
            <source>Address to listen on (default 127.0.0.1).</source>
            <translation>监听地址（默认 127.0.0.1）。</translation>
        </message>
        <message>
            <source>SQLite file, or :memory: (default under the user's data folder).</source>
            <translation>SQLite 数据库文件，或 :memory:（默认位于用户数据目录下）。</translation>
        </message>
        <message>
            <source>HS256 secret that signs browser tokens (prefer the config file or environment).</source>
            <translation>签发浏览器令牌的 HS256 密钥（建议放在配置文件或环境变量中）。</translation>
        </message>
        <message>
            <source>Bearer key of the HTTP API (prefer the config file or environment).</source>
            <translation>HTTP API 的 Bearer 密钥（建议放在配置文件或环境变量中）。</translation>
        </message>
        <message>
            <source>Remind of expiries this many days ahead (default 10).</source>
            <translation>提前多少天提醒到期（默认 10）。</translation>
        </message>
        <message>
            <source>Time of day open connections get the login checks again (default 09:00).</source>
            <translation>每天何时对已打开的连接重新执行登录检查（默认 09:00）。</translation>
        </message>
        <message>
            <source>INI file with these settings.</source>
            <translation>包含以上设置的 INI 文件。</translation>
        </message>
        <message>
            <source>Load demo orgs, users and data.</source>
            <translation>加载演示机构、用户和数据。</translation>
        </message>
        <message>
            <source>Log every connection and message.</source>
            <translation>记录每个连接和每条消息。</translation>
        </message>
        <message>
            <source>cannot read config file %1</source>
            <translation>无法读取配置文件 %1</translation>
        </message>
        <message>
            <source>config file %1 is not a valid INI file</source>
            <translation>配置文件 %1 不是有效的 INI 文件</translation>
        </message>
        <message>
            <source>--%1 on the command line is visible to other local users; prefer the config file or %2</source>
            <translation>命令行中的 --%1 对本机其他用户可见；建议使用配置文件或 %2</translation>
        </message>
        <message>
            <source>port must be a number from 0 to 65535, not "%1"</source>
            <translation>端口必须是 0 到 65535 之间的数字，而不是“%1”</translation>
        </message>
        <message>
            <source>bind must be an IP address, not "%1"</source>
            <translation>监听地址必须是 IP 地址，而不是“%1”</translation>
        </message>
        <message>
            <source>threshold-days must be a number from 0 to 3650, not "%1"</source>
            <translation>threshold-days 必须是 0 到 3650 之间的数字，而不是“%1”</translation>
        </message>
        <message>
            <source>daily-check-at must be a time HH:mm, not "%1"</source>
            <translation>daily-check-at 必须是 HH:mm 格式的时间，而不是“%1”</translation>
        </message>
    </context>
    <context>
        <name>ConsoleApp</name>
        <message>
            <source>GIStack Notify console: the notification server with a window to watch and run it.
--headless runs exactly what gistack-server runs.</source>
            <translation>GIStack Notify 控制台：带窗口的通知服务器，用于查看和管理服务。
--headless 与 gistack-server 运行完全相同的服务。</translation>
        </message>
        <message>
            <source>Run without a window.</source>
            <translation>不打开窗口运行。</translation>
        </message>
        <message>
            <source>GIStack Notify console</source>
            <translation>GIStack Notify 控制台</translation>
        </message>
    </context>
    <context>
        <name>DisplayNames</name>
        <message>
            <source>Registration</source>
            <translation>注册</translation>
        </message>
        <message>
            <source>Website apply</source>
            <translation>站点申请</translation>
        </message>
        <message>
            <source>Website renew</source>
            <translation>站点续期</translation>
        </message>
        <message>
            <source>Desktop apply</source>
            <translation>桌面申请</translation>
        </message>
        <message>
            <source>Desktop renew</source>
            <translation>桌面续期</translation>
        </message>
        <message>
            <source>System admin</source>
            <translation>系统管理员</translation>
        </message>
        <message>
            <source>Org admin</source>
            <translation>机构管理员</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Site lease</source>
            <translation>站点租用</translation>
        </message>
        <message>
            <source>Desktop lease</source>
            <translation>桌面租用</translation>
        </message>
        <message>
            <source>delivered</source>
            <translation>已送达</translation>
        </message>
        <message>
            <source>queued</source>
            <translation>待送达</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>全部机构</translation>
        </message>
    </context>
    <context>
        <name>MessageCatalogue</name>
        <message>
            <source>GIStack platform licence expires soon</source>
            <translation>GIStack 平台许可即将到期</translation>
        </message>
        <message>
            <source>uploaded ArcGIS licences expire soon</source>
            <translation>已上传的 ArcGIS 许可即将到期</translation>
        </message>
        <message>
            <source>leased cloud sites expire soon</source>
            <translation>租用的云站点即将到期</translation>
        </message>
        <message>
            <source>ArcGIS licences of leased sites expire soon</source>
            <translation>租用站点的 ArcGIS 许可即将到期</translation>
        </message>
        <message>
            <source>leased cloud desktops expire soon</source>
            <translation>租用的云桌面即将到期</translation>
        </message>
        <message>
            <source>registrations waiting for review</source>
            <translation>待审核的注册</translation>
        </message>
        <message>
            <source>cloud site applications waiting for approval</source>
            <translation>待审批的云站点申请</translation>
        </message>
        <message>
            <source>cloud site renewals waiting for approval</source>
            <translation>待审批的云站点续期</translation>
        </message>
        <message>
            <source>cloud desktop applications waiting for approval</source>
            <translation>待审批的云桌面申请</translation>
        </message>
        <message>
            <source>cloud desktop renewals waiting for approval</source>
            <translation>待审批的云桌面续期</translation>
        </message>
        <message>
            <source>cloud site application approved</source>
            <translation>云站点申请已通过</translation>
        </message>
        <message>
            <source>cloud site application rejected</source>
            <translation>云站点申请被驳回</translation>
        </message>
        <message>
            <source>cloud site renewal approved</source>
            <translation>云站点续期已通过</translation>
        </message>
        <message>
            <source>cloud site renewal rejected</source>
            <translation>云站点续期被驳回</translation>
        </message>
        <message>
            <source>cloud desktop application approved</source>
            <translation>云桌面申请已通过</translation>
        </message>
        <message>
            <source>cloud desktop application rejected</source>
            <translation>云桌面申请被驳回</translation>
        </message>
        <message>
            <source>cloud desktop renewal approved</source>
            <translation>云桌面续期已通过</translation>
        </message>
        <message>
            <source>cloud desktop renewal rejected</source>
            <translation>云桌面续期被驳回</translation>
        </message>
    </context>
    <context>
        <name>NotifyServer</name>
        <message>
            <source>set a jwt-secret and an api-key of at least 16 characters each (config file, GISTACK_JWT_SECRET / GISTACK_API_KEY, or the options)</source>
            <translation>请设置至少 16 个字符的 jwt-secret 和 api-key（配置文件、GISTACK_JWT_SECRET / GISTACK_API_KEY 或命令行选项）</translation>
        </message>
        <message>
            <source>could not load demo data: %1</source>
            <translation>无法加载演示数据：%1</translation>
        </message>
        <message>
            <source>the server is not running</source>
            <translation>服务器未运行</translation>
        </message>
    </context>
    <context>
        <name>ServerCommandLine</name>
        <message>
            <source>GIStack Notify: pushes GIStack notifications to browsers over WebSocket.
Commands: (none) serve; token USERID [--ttl SECONDS] print a signed JWT.</source>
            <translation>GIStack Notify：通过 WebSocket 向浏览器推送 GIStack 通知。
命令：（无）启动服务；token USERID [--ttl SECONDS] 输出签名的 JWT。</translation>
        </message>
        <message>
            <source>Optional: token USERID</source>
            <translation>可选：token USERID</translation>
        </message>
        <message>
            <source>Token lifetime in seconds (default 86400).</source>
            <translation>令牌有效期，单位秒（默认 86400）。</translation>
        </message>
        <message>
            <source>Run without a window (console only).</source>
            <translation>不打开窗口运行（仅控制台程序）。</translation>
        </message>
        <message>
            <source>usage: token USERID [--ttl SECONDS]</source>
            <translation>用法：token USERID [--ttl SECONDS]</translation>
        </message>
        <message>
            <source>error: --ttl must be a positive number of seconds</source>
            <translation>错误：--ttl 必须是正整数秒数</translation>
        </message>
        <message>
            <source>error: no jwt-secret configured (config file, GISTACK_JWT_SECRET or --jwt-secret)</source>
            <translation>错误：未配置 jwt-secret（配置文件、GISTACK_JWT_SECRET 或 --jwt-secret）</translation>
        </message>
        <message>
            <source>GIStack Notify is serving demo data at %1/</source>
            <translation>GIStack Notify 正在 %1/ 提供演示数据</translation>
        </message>
        <message>
            <source>Tokens last 24 hours. Press Ctrl+C to stop.</source>
            <translation>令牌有效期 24 小时。按 Ctrl+C 停止。</translation>
        </message>
        <message>
            <source>error: unknown command "%1" (see --help)</source>
            <translation>错误：未知命令“%1”（参见 --help）</translation>
        </message>
        <message>
            <source>GIStack Notify listening on %1</source>
            <translation>GIStack Notify 正在监听 %1</translation>
        </message>
    </context>
    <context>
        <name>gistack::ArcgisLicenceDialog</name>
        <message>
            <source>Add ArcGIS licence</source>
            <translation>添加 ArcGIS 许可</translation>
        </message>
        <message>
            <source>Edit ArcGIS licence</source>
            <translation>编辑 ArcGIS 许可</translation>
        </message>
        <message>
            <source>e.g. test</source>
            <translation>例如 test</translation>
        </message>
        <message>
            <source>e.g. 10.6.1</source>
            <translation>例如 10.6.1</translation>
        </message>
        <message>
            <source>Id:</source>
            <translation>编号：</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>文件名：</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>版本：</translation>
        </message>
        <message>
            <source>Expires:</source>
            <translation>到期时间：</translation>
        </message>
    </context>
    <context>
        <name>gistack::DashboardView</name>
        <message>
            <source>Organisation:</source>
            <translation>机构：</translation>
        </message>
        <message>
            <source>Waiting for a decision</source>
            <translation>待审批</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>运行情况</translation>
        </message>
        <message>
            <source>Online users</source>
            <translation>在线用户</translation>
        </message>
        <message>
            <source>Open connections</source>
            <translation>打开的连接</translation>
        </message>
        <message>
            <source>Messages sent in the last minute</source>
            <translation>最近一分钟发送的消息</translation>
        </message>
        <message>
            <source>Pending by organisation</source>
            <translation>各机构待审批数量</translation>
        </message>
    </context>
    <context>
        <name>gistack::DecisionDialog</name>
        <message>
            <source>Approve requests</source>
            <translation>通过申请</translation>
        </message>
        <message>
            <source>Reject requests</source>
            <translation>驳回申请</translation>
        </message>
        <message numerus="yes">
            <source>Approve %n selected item(s)?</source>
            <translation>
                <numerusform>通过选中的 %n 项？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reject %n selected item(s)?</source>
            <translation>
                <numerusform>驳回选中的 %n 项？</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… 另外还有 %n 项</numerusform>
            </translation>
        </message>
        <message>
            <source>Decide as org admin:</source>
            <translation>以机构管理员身份审批：</translation>
        </message>
        <message>
            <source>Applicants get the result message at once, or at their next login.</source>
            <translation>申请人会立即收到结果消息；若不在线，则在下次登录时收到。</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>驳回</translation>
        </message>
    </context>
    <context>
        <name>gistack::GistackLicenceDialog</name>
        <message>
            <source>GIStack licence</source>
            <translation>GIStack 许可</translation>
        </message>
        <message>
            <source>The GIStack licence expires:</source>
            <translation>GIStack 许可到期时间：</translation>
        </message>
    </context>
    <context>
        <name>gistack::LanguageManager</name>
        <message>
            <source>System language</source>
            <translation>跟随系统</translation>
        </message>
    </context>
    <context>
        <name>gistack::LeaseDialog</name>
        <message>
            <source>The site's ArcGIS licence</source>
            <translation>站点的 ArcGIS 许可</translation>
        </message>
        <message>
            <source>Add lease</source>
            <translation>添加租用</translation>
        </message>
        <message>
            <source>Edit lease</source>
            <translation>编辑租用</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>文件名：</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>版本：</translation>
        </message>
        <message>
            <source>Expires:</source>
            <translation>到期时间：</translation>
        </message>
        <message>
            <source>Id:</source>
            <translation>编号：</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>用户：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Resource name:</source>
            <translation>资源名称：</translation>
        </message>
    </context>
    <context>
        <name>gistack::LicencesModel</name>
        <message>
            <source>GIStack licence</source>
            <translation>GIStack 许可</translation>
        </message>
        <message>
            <source>ArcGIS licence</source>
            <translation>ArcGIS 许可</translation>
        </message>
        <message>
            <source>Site's ArcGIS licence</source>
            <translation>站点的 ArcGIS 许可</translation>
        </message>
        <message numerus="yes">
            <source>expired %n day(s) ago</source>
            <translation>
                <numerusform>已过期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>资源</translation>
        </message>
        <message>
            <source>Holder</source>
            <translation>持有人</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>到期时间</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
    </context>
    <context>
        <name>gistack::LicencesView</name>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>GIStack licence…</source>
            <translation>GIStack 许可…</translation>
        </message>
        <message>
            <source>Add ArcGIS licence…</source>
            <translation>添加 ArcGIS 许可…</translation>
        </message>
        <message>
            <source>Add lease…</source>
            <translation>添加租用…</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>已保存：%1</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>未保存：%1</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>%1 was not saved:
%2</source>
            <translation>%1 未保存：
%2</translation>
        </message>
        <message>
            <source>GIStack licence</source>
            <translation>GIStack 许可</translation>
        </message>
        <message>
            <source>Remove %1?</source>
            <translation>删除 %1？</translation>
        </message>
        <message numerus="yes">
            <source>Highlighted: expires within %n day(s) (the reminder threshold) or has expired.</source>
            <translation>
                <numerusform>高亮显示：%n 天内（提醒阈值）到期或已过期的项目。</numerusform>
            </translation>
        </message>
        <message>
            <source>Highlighted now: %1</source>
            <translation>当前高亮：%1 项</translation>
        </message>
    </context>
    <context>
        <name>gistack::MainWindow</name>
        <message>
            <source>GIStack Notify console</source>
            <translation>GIStack Notify 控制台</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>仪表盘</translation>
        </message>
        <message>
            <source>Pending (%1)</source>
            <translation>待审批（%1）</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待审批</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Online users</source>
            <translation>在线用户</translation>
        </message>
        <message>
            <source>Licences (%1)</source>
            <translation>许可与租用（%1）</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>许可与租用</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Running · listening on %1 · database %2</source>
            <translation>运行中 · 监听 %1 · 数据库 %2</translation>
        </message>
        <message>
            <source>Stopped · %1</source>
            <translation>已停止 · %1</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>已停止</translation>
        </message>
        <message numerus="yes">
            <source>%n online</source>
            <translation>
                <numerusform>%n 人在线</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n connection(s)</source>
            <translation>
                <numerusform>%n 个连接</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::MessageLogModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>接收人</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>送达状态</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息内容</translation>
        </message>
        <message>
            <source>%1 delivered, %2 queued</source>
            <translation>%1 已送达，%2 待送达</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> 等另外 %n 人</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::MessageLogView</name>
        <message>
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>user id</source>
            <translation>用户编号</translation>
        </message>
        <message>
            <source>Select a message to see its frame.</source>
            <translation>选择一条消息以查看其完整报文。</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>用户：</translation>
        </message>
        <message>
            <source>%1 shown, newest %2 kept in memory; the database keeps every message</source>
            <translation>显示 %1 条，内存中保留最新 %2 条；数据库保存全部消息</translation>
        </message>
    </context>
    <context>
        <name>gistack::OnlineUsersModel</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>User</source>
            <translation>用户</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>机构</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>连接数</translation>
        </message>
        <message>
            <source>Online since</source>
            <translation>上线时间</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
    </context>
    <context>
        <name>gistack::OnlineUsersView</name>
        <message numerus="yes">
            <source>%n user(s) online</source>
            <translation>
                <numerusform>%n 位用户在线</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open connection(s), including those still authenticating</source>
            <translation>
                <numerusform>%n 个打开的连接（含尚在认证的连接）</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::PendingCountsModel</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>机构</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>gistack::PendingRequestsModel</name>
        <message>
            <source>Item id: %1</source>
            <translation>编号：%1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>new account</source>
            <translation>新账号</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>申请人</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>机构</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>资源</translation>
        </message>
        <message>
            <source>Submitted at</source>
            <translation>提交时间</translation>
        </message>
    </context>
    <context>
        <name>gistack::PendingView</name>
        <message>
            <source>Approve…</source>
            <translation>通过…</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>驳回…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>机构：</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>类型：</translation>
        </message>
        <message numerus="yes">
            <source>Sending %n decision(s)…</source>
            <translation>
                <numerusform>正在提交 %n 项审批…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Approved %n item(s).</source>
            <translation>
                <numerusform>已通过 %n 项。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Rejected %n item(s).</source>
            <translation>
                <numerusform>已驳回 %n 项。</numerusform>
            </translation>
        </message>
        <message>
            <source>Some items were not decided</source>
            <translation>部分项目未能审批</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) could not be decided:</source>
            <translation>
                <numerusform>%n 项未能审批：</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::SettingsView</name>
        <message>
            <source>Apply</source>
            <translation>应用</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>端口：</translation>
        </message>
        <message>
            <source>Bind address:</source>
            <translation>监听地址：</translation>
        </message>
        <message>
            <source>Reminder threshold:</source>
            <translation>提醒阈值：</translation>
        </message>
        <message>
            <source>Daily re-check at:</source>
            <translation>每日复查时间：</translation>
        </message>
        <message>
            <source>Database (SQLite file):</source>
            <translation>数据库（SQLite 文件）：</translation>
        </message>
        <message>
            <source>JWT secret:</source>
            <translation>JWT 密钥：</translation>
        </message>
        <message>
            <source>API key:</source>
            <translation>API 密钥：</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>界面语言：</translation>
        </message>
        <message>
            <source>Port, bind address and threshold apply at once; open connections stay. A new database, secret or check time restarts the server: browsers reconnect. Command-line options, GISTACK_* variables and --config files override these saved settings at start-up.</source>
            <translation>端口、监听地址和提醒阈值立即生效，已打开的连接保持不变。更换数据库、密钥或复查时间会重启服务器，浏览器将重新连接。启动时，命令行选项、GISTACK_* 环境变量和 --config 文件优先于这里保存的设置。</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>数据库文件</translation>
        </message>
        <message>
            <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
            <translation>SQLite 数据库 (*.db *.sqlite);;所有文件 (*)</translation>
        </message>
        <message>
            <source>The server is not running: %1</source>
            <translation>服务器未运行：%1</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>The bind address must be an IP address, such as 127.0.0.1 or 0.0.0.0.</source>
            <translation>监听地址必须是 IP 地址，例如 127.0.0.1 或 0.0.0.0。</translation>
        </message>
        <message>
            <source>The JWT secret and the API key need at least %1 characters each.</source>
            <translation>JWT 密钥和 API 密钥各需至少 %1 个字符。</translation>
        </message>
        <message>
            <source>Saved, but the server could not apply them: %1</source>
            <translation>已保存，但服务器无法应用：%1</translation>
        </message>
        <message>
            <source>Applied. Listening on %1</source>
            <translation>已应用。正在监听 %1</translation>
        </message>
    </context>
    <context>
        <name>gistack::TrayIcon</name>
        <message>
            <source>Show console</source>
            <translation>显示控制台</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message numerus="yes">
            <source>GIStack Notify: %n item(s) waiting for a decision</source>
            <translation>
                <numerusform>GIStack Notify：%n 项待审批</numerusform>
            </translation>
        </message>
    </context>
</TS>
