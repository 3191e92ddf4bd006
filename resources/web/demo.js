// The demo page: log in with a token, show each notification as a card in English or Chinese,
// an org admin's pending counts as live badges, and the connection state.
import { BADGES, LANGUAGES, badgeUpdate, describe } from "./notify-cards.js";

const { NotifyClient, State } = window.GIStackNotify;

const TEXT = {
    en: {
        appName: "GIStack Notify",
        tokenLabel: "Token",
        tokenHint:
            "Paste a token printed by ./run.sh or by gistack-server token USERID, or open this page with ?token=…",
        signedInAs: (sub, until) => `Token for ${sub}, valid until ${until}`,
        connect: "Connect",
        disconnect: "Disconnect",
        pending: "Waiting for your approval",
        notifications: "Notifications",
        clear: "Clear",
        empty: "No notifications yet.",
        showJson: "JSON",
        state: {
            idle: () => "Not connected",
            connecting: () => "Connecting…",
            open: () => "Connected",
            reconnecting: (s) => `Connection lost, retrying in ${s} s`,
            unauthorized: (reason) => `Token refused${reason ? ` (${reason})` : ""}: paste a new token`,
            closed: () => "Disconnected",
        },
    },
    zh: {
        appName: "GIStack 消息中心",
        tokenLabel: "令牌",
        tokenHint: "粘贴 ./run.sh 或 gistack-server token USERID 输出的令牌，或用 ?token=… 打开本页",
        signedInAs: (sub, until) => `${sub} 的令牌，有效期至 ${until}`,
        connect: "连接",
        disconnect: "断开",
        pending: "待您审批",
        notifications: "消息",
        clear: "清空",
        empty: "暂无消息。",
        showJson: "JSON",
        state: {
            idle: () => "未连接",
            connecting: () => "正在连接…",
            open: () => "已连接",
            reconnecting: (s) => `连接已断开，${s} 秒后重试`,
            unauthorized: (reason) => `令牌被拒绝${reason ? `（${reason}）` : ""}，请粘贴新的令牌`,
            closed: () => "已断开",
        },
    },
};

const MAX_CARDS = 200;
const $ = (id) => document.getElementById(id);

const page = {
    lang: pickLanguage(),
    client: null,
    frames: [], // newest first, re-rendered when the language changes
    counts: new Map(), // badge key -> count
    stateDetail: {},
    ticker: null,
};

function pickLanguage() {
    const saved = localStorage.getItem("gistack-notify.lang");
    if (LANGUAGES.includes(saved)) return saved;
    return (navigator.language || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
}

function setLanguage(lang) {
    page.lang = lang;
    localStorage.setItem("gistack-notify.lang", lang);
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    for (const button of document.querySelectorAll("[data-lang]"))
        button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    for (const element of document.querySelectorAll("[data-text]")) {
        const text = TEXT[lang][element.dataset.text];
        if (typeof text === "string") element.textContent = text;
    }
    document.title = TEXT[lang].appName;
    showWho();
    renderBadges();
    renderCards();
    renderState();
}

// The token's subject and expiry, read (not verified) from its payload for display only.
function showWho() {
    const who = $("who");
    const claims = readClaims($("token").value.trim());
    if (!claims || typeof claims.sub !== "string") {
        who.textContent = TEXT[page.lang].tokenHint;
        return;
    }
    const until = claims.exp ? new Date(claims.exp * 1000).toLocaleString(page.lang === "zh" ? "zh-CN" : "en") : "?";
    who.textContent = TEXT[page.lang].signedInAs(claims.sub, until);
}

function readClaims(token) {
    try {
        const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
        const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
        return JSON.parse(new TextDecoder().decode(bytes));
    } catch (error) {
        return null;
    }
}

function connect(token) {
    disconnect();
    page.frames = [];
    page.counts.clear();
    renderBadges();
    renderCards();
    sessionStorage.setItem("gistack-notify.token", token);
    page.client = new NotifyClient({ token });
    page.client.onStateChange((state, detail) => {
        page.stateDetail = detail || {};
        renderState();
    });
    page.client.on("*", (msg, frame) => receive(frame));
    page.client.connect();
}

// The client stays, closed, so the top bar says "Disconnected".
function disconnect() {
    if (page.client) page.client.close();
}

function receive(frame) {
    const update = badgeUpdate(frame);
    if (update) {
        page.counts.set(update.key, update.count);
        renderBadges();
    }
    page.frames.unshift(frame);
    page.frames.length = Math.min(page.frames.length, MAX_CARDS);
    $("cards").prepend(renderCard(frame));
    while ($("cards").children.length > MAX_CARDS) $("cards").lastElementChild.remove();
    $("empty").hidden = true;
}

// Connection state in words; data-state and data-retry-at are there for scripts and tests.
function renderState() {
    const box = $("connection");
    const client = page.client;
    const state = client ? client.state : State.IDLE;
    const words = TEXT[page.lang].state;
    let text;
    if (state === State.RECONNECTING) {
        const seconds = Math.max(0, Math.ceil((client.retryAt - Date.now()) / 1000));
        text = words.reconnecting(seconds);
    } else if (state === State.UNAUTHORIZED) {
        text = words.unauthorized(client.lastClose && client.lastClose.reason);
    } else {
        text = words[state]();
    }
    box.dataset.state = state;
    box.dataset.retryAt = client ? String(client.retryAt) : "0";
    box.dataset.closeCode = client && client.lastClose ? String(client.lastClose.code) : "";
    $("connection-text").textContent = text;
    // Count down while waiting to reconnect.
    clearTimeout(page.ticker);
    if (state === State.RECONNECTING) page.ticker = setTimeout(renderState, 500);
}

function renderBadges() {
    const section = $("badges");
    section.hidden = page.counts.size === 0; // only org admins ever get counts
    const list = $("badge-list");
    list.replaceChildren(
        ...BADGES.map(({ key, label }) => {
            const count = page.counts.get(key) || 0;
            const item = element("li", "badge-item");
            item.dataset.badge = key;
            item.append(element("span", "badge-label", label[page.lang]));
            const number = element("span", count > 0 ? "badge has-items" : "badge", String(count));
            number.dataset.count = String(count);
            item.append(number);
            return item;
        }),
    );
}

function renderCards() {
    $("cards").replaceChildren(...page.frames.map(renderCard));
    $("empty").hidden = page.frames.length > 0;
}

function renderCard(frame) {
    const card = describe(frame, page.lang);
    const item = element("li", `card tone-${card.tone}`);
    item.dataset.type = frame.type;
    item.dataset.id = frame.id || "";

    const head = element("div", "card-head");
    head.append(element("h3", "card-title", card.title), element("time", "card-time", frame.createTime || ""));
    item.append(head);

    const lines = element("ul", "card-lines");
    card.lines.forEach((text, i) => {
        const line = element("li", "card-line", text);
        if (card.details) line.append(element("span", "card-detail", card.details[i]));
        lines.append(line);
    });
    item.append(lines);

    const raw = element("details", "card-raw");
    raw.append(element("summary", "", `${TEXT[page.lang].showJson} · ${frame.type}`));
    raw.append(element("pre", "", JSON.stringify(frame, null, 2)));
    item.append(raw);
    return item;
}

// textContent only: message fields never become markup.
function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

function start() {
    for (const button of document.querySelectorAll("[data-lang]"))
        button.addEventListener("click", () => setLanguage(button.dataset.lang));
    $("login").addEventListener("submit", (event) => {
        event.preventDefault();
        const token = $("token").value.trim();
        if (token) connect(token);
        showWho();
    });
    $("disconnect").addEventListener("click", () => {
        disconnect();
        sessionStorage.removeItem("gistack-notify.token");
        renderState();
    });
    $("clear").addEventListener("click", () => {
        page.frames = [];
        renderCards();
    });
    $("token").addEventListener("input", showWho);

    // ?token=... logs in at once; the token then leaves the address bar and the history.
    const url = new URL(location.href);
    const fromUrl = url.searchParams.get("token");
    if (fromUrl) {
        url.searchParams.delete("token");
        history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    const token = fromUrl || sessionStorage.getItem("gistack-notify.token");
    if (token) $("token").value = token;
    setLanguage(page.lang);
    if (token) connect(token);
}

start();
