// What each GIStack message means, in English and Chinese: the one table of message types on
// the browser side. describe(frame, lang) turns a frame into a card; BADGES lists the pending
// counts an org admin sees. Type names match docs/PROTOCOL.md exactly.

// "expires in 4 days" / "将在 4 天后到期": the wording for a whole number of days left.
const DUE = {
    en(days) {
        if (days > 1) return `expires in ${days} days`;
        if (days === 1) return "expires tomorrow";
        if (days === 0) return "expires today";
        if (days === -1) return "expired yesterday";
        return `expired ${-days} days ago`;
    },
    zh(days) {
        if (days > 1) return `将在 ${days} 天后到期`;
        if (days === 1) return "将于明天到期";
        if (days === 0) return "今天到期";
        if (days === -1) return "已于昨天过期";
        return `已过期 ${-days} 天`;
    },
};

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// shape: how msg is read. expiry: {expireDate, timeLeft} or a list of {resourceName, ...};
// count: a pending count (badge names the admin badge it drives); result: a resource name.
const TYPES = {
    GISTACK_LICENCE_EXPIRED: {
        shape: "expiry",
        title: { en: "GIStack platform licence", zh: "GIStack 平台授权" },
        line: { en: (_, due) => `The GIStack platform licence ${due}`, zh: (_, due) => `GIStack 平台授权${due}` },
    },
    ARCGIS_LICENCE_EXPIRED: {
        shape: "expiry",
        title: { en: "ArcGIS licences", zh: "ArcGIS 授权" },
        line: { en: (name, due) => `ArcGIS licence ${name} ${due}`, zh: (name, due) => `ArcGIS 授权 ${name} ${due}` },
    },
    NORMAL_USER_SITE_LEASE_EXPIRED: {
        shape: "expiry",
        title: { en: "Your cloud sites", zh: "您租用的云站点" },
        line: {
            en: (name, due) => `The lease of cloud site ${name} ${due}`,
            zh: (name, due) => `云站点 ${name} 的租期${due}`,
        },
    },
    NORMAL_USER_SITE_AGS_LICENSE_EXPIRED: {
        shape: "expiry",
        title: { en: "ArcGIS licences of your sites", zh: "站点使用的 ArcGIS 授权" },
        line: { en: (name, due) => `ArcGIS licence ${name} ${due}`, zh: (name, due) => `ArcGIS 授权 ${name} ${due}` },
    },
    NORMAL_USER_DESKTOP_LEASE_EXPIRED: {
        shape: "expiry",
        title: { en: "Your cloud desktops", zh: "您租用的云桌面" },
        line: {
            en: (name, due) => `The lease of cloud desktop ${name} ${due}`,
            zh: (name, due) => `云桌面 ${name} 的租期${due}`,
        },
    },
    USER_REGISTER: {
        shape: "count",
        badge: "registrations",
        label: { en: "Registrations", zh: "用户注册" },
        title: { en: "Registrations to review", zh: "待审核的注册" },
        line: {
            en: (n) => `${plural(n, "registration", "registrations")} awaiting your review`,
            zh: (n) => `${n} 个用户注册待您审核`,
        },
    },
    GCLOUD_WEBSITE_APPROVE_REQUEST: {
        shape: "count",
        badge: "websiteApply",
        label: { en: "Site applications", zh: "云站点申请" },
        title: { en: "Cloud site applications", zh: "云站点申请" },
        line: {
            en: (n) => `${plural(n, "cloud site application", "cloud site applications")} awaiting approval`,
            zh: (n) => `${n} 个云站点申请待审批`,
        },
    },
    GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST: {
        shape: "count",
        badge: "websiteRenew",
        label: { en: "Site renewals", zh: "云站点续期" },
        title: { en: "Cloud site renewals", zh: "云站点续期申请" },
        line: {
            en: (n) => `${plural(n, "cloud site renewal", "cloud site renewals")} awaiting approval`,
            zh: (n) => `${n} 个云站点续期申请待审批`,
        },
    },
    GCLOUD_DESKTOP_APPROVE_REQUEST: {
        shape: "count",
        badge: "desktopApply",
        label: { en: "Desktop applications", zh: "云桌面申请" },
        title: { en: "Cloud desktop applications", zh: "云桌面申请" },
        line: {
            en: (n) => `${plural(n, "cloud desktop application", "cloud desktop applications")} awaiting approval`,
            zh: (n) => `${n} 个云桌面申请待审批`,
        },
    },
    GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST: {
        shape: "count",
        badge: "desktopRenew",
        label: { en: "Desktop renewals", zh: "云桌面续期" },
        title: { en: "Cloud desktop renewals", zh: "云桌面续期申请" },
        line: {
            en: (n) => `${plural(n, "cloud desktop renewal", "cloud desktop renewals")} awaiting approval`,
            zh: (n) => `${n} 个云桌面续期申请待审批`,
        },
    },
    GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED: {
        shape: "result",
        approved: true,
        title: { en: "Application approved", zh: "申请已通过" },
        line: {
            en: (name) => `Your application for cloud site ${name} was approved`,
            zh: (name) => `您申请的云站点 ${name} 已通过审批`,
        },
    },
    GCLOUD_WEBSITE_APPROVE_REQUEST_REJECT: {
        shape: "result",
        approved: false,
        title: { en: "Application rejected", zh: "申请未通过" },
        line: {
            en: (name) => `Your application for cloud site ${name} was rejected`,
            zh: (name) => `您申请的云站点 ${name} 未通过审批`,
        },
    },
    GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED: {
        shape: "result",
        approved: true,
        title: { en: "Renewal approved", zh: "续期已通过" },
        line: {
            en: (name) => `Your renewal of cloud site ${name} was approved`,
            zh: (name) => `您的云站点 ${name} 续期申请已通过`,
        },
    },
    GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_REJECT: {
        shape: "result",
        approved: false,
        title: { en: "Renewal rejected", zh: "续期未通过" },
        line: {
            en: (name) => `Your renewal of cloud site ${name} was rejected`,
            zh: (name) => `您的云站点 ${name} 续期申请未通过`,
        },
    },
    GCLOUD_DESKTOP_APPROVE_REQUEST_PASS: {
        shape: "result",
        approved: true,
        title: { en: "Application approved", zh: "申请已通过" },
        line: {
            en: (name) => `Your application for cloud desktop ${name} was approved`,
            zh: (name) => `您申请的云桌面 ${name} 已通过审批`,
        },
    },
    GCLOUD_DESKTOP_APPROVE_REQUEST_REJECT: {
        shape: "result",
        approved: false,
        title: { en: "Application rejected", zh: "申请未通过" },
        line: {
            en: (name) => `Your application for cloud desktop ${name} was rejected`,
            zh: (name) => `您申请的云桌面 ${name} 未通过审批`,
        },
    },
    GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_PASSED: {
        shape: "result",
        approved: true,
        title: { en: "Renewal approved", zh: "续期已通过" },
        line: {
            en: (name) => `Your renewal of cloud desktop ${name} was approved`,
            zh: (name) => `您的云桌面 ${name} 续期申请已通过`,
        },
    },
    GCLOUD_DESKTOP_RENEW_APPROVE_REQUEST_REJECT: {
        shape: "result",
        approved: false,
        title: { en: "Renewal rejected", zh: "续期未通过" },
        line: {
            en: (name) => `Your renewal of cloud desktop ${name} was rejected`,
            zh: (name) => `您的云桌面 ${name} 续期申请未通过`,
        },
    },
};

// The admin badges, in the order the page shows them.
export const BADGES = Object.entries(TYPES)
    .filter(([, info]) => info.badge)
    .map(([type, info]) => ({ type, key: info.badge, label: info.label }));

export const LANGUAGES = ["en", "zh"];

// The badge a frame updates and its new count, or null.
export function badgeUpdate(frame) {
    const info = TYPES[frame.type];
    if (!info || !info.badge || !Number.isInteger(frame.msg)) return null;
    return { key: info.badge, count: frame.msg };
}

// A card for one frame: {tone, title, lines, details?}, where details[i] dates lines[i].
// tone is "danger" (expired or rejected), "warning" (due within 3 days), "notice" (due later),
// "success" (approved) or "info" (counts, and types this page does not know, shown as JSON).
export function describe(frame, lang) {
    const info = TYPES[frame.type];
    const msg = frame.msg;
    if (!info) return { tone: "info", title: String(frame.type), lines: [JSON.stringify(msg)] };
    const title = info.title[lang];
    const line = info.line[lang];

    if (info.shape === "count") return { tone: "info", title, lines: [line(Number(msg))] };
    if (info.shape === "result")
        return { tone: info.approved ? "success" : "danger", title, lines: [line(String(msg))] };

    const items = Array.isArray(msg) ? msg : [msg];
    const soonest = Math.min(...items.map((item) => Number(item.timeLeft)));
    const expiry = lang === "zh" ? "到期时间" : "expiry";
    return {
        tone: soonest < 0 ? "danger" : soonest <= 3 ? "warning" : "notice",
        title,
        lines: items.map((item) => line(item.resourceName, DUE[lang](Number(item.timeLeft)))),
        details: items.map((item) => `${expiry}: ${item.expireDate}`),
    };
}
