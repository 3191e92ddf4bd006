// The demo page as a user sees it: cards, badges and the connection state, read from the DOM.
const WAIT_MS = 15000;

export class DemoPage {
    constructor(page) {
        this.page = page;
        this.sockets = []; // every WebSocket the page opened, as the browser reports it
        this.problems = []; // console errors, failed requests, uncaught exceptions
        page.on("websocket", (socket) => this.sockets.push(socket.url()));
        page.on("console", (message) => {
            if (message.type() === "error") this.problems.push(`console: ${message.text()}`);
        });
        page.on("pageerror", (error) => this.problems.push(`exception: ${error.message}`));
        page.on("requestfailed", (request) => {
            if (request.resourceType() !== "websocket")
                this.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
        });
    }

    static async open(browser, baseUrl, token) {
        const demo = new DemoPage(await browser.newPage());
        await demo.page.goto(token ? `${baseUrl}/?token=${encodeURIComponent(token)}` : `${baseUrl}/`);
        return demo;
    }

    state() {
        return this.page.getAttribute("#connection", "data-state");
    }

    stateText() {
        return this.page.textContent("#connection-text");
    }

    async waitForState(state, timeout = WAIT_MS) {
        await this.page.waitForFunction((s) => document.querySelector("#connection").dataset.state === s, state, {
            timeout,
        });
    }

    // Waits for a card whose text contains `text`; returns its locator.
    async waitForCard(text, timeout = WAIT_MS) {
        const card = this.page.locator("#cards > li.card", { hasText: text });
        await card.first().waitFor({ timeout });
        return card;
    }

    async cardCount(text) {
        return this.page.locator("#cards > li.card", { hasText: text }).count();
    }

    // The visible lines of every card, newest first.
    async cardLines() {
        return this.page.locator("#cards .card-line").allInnerTexts();
    }

    async badge(key) {
        return this.page.textContent(`[data-badge="${key}"] .badge`);
    }

    async badgesVisible() {
        return this.page.isVisible("#badges");
    }

    async waitForBadge(key, count, timeout = WAIT_MS) {
        await this.page.waitForFunction(
            ([k, n]) => document.querySelector(`[data-badge="${k}"] .badge`)?.textContent === String(n),
            [key, count],
            { timeout },
        );
    }

    // Starts keeping every close code the page shows: the state moves on quickly while the
    // server is down (1001, then 1006 for each refused attempt), faster than polling sees.
    async recordCloseCodes() {
        await this.page.evaluate(() => {
            const box = document.querySelector("#connection");
            window.closeCodes = [];
            new MutationObserver(() => {
                const code = box.dataset.closeCode;
                if (code && window.closeCodes.at(-1) !== code) window.closeCodes.push(code);
            }).observe(box, { attributes: true, attributeFilter: ["data-close-code"] });
        });
    }

    closeCodes() {
        return this.page.evaluate(() => window.closeCodes);
    }

    async waitForStateText(pattern, timeout = WAIT_MS) {
        await this.page.waitForFunction(
            (source) => new RegExp(source).test(document.querySelector("#connection-text").textContent),
            pattern.source,
            { timeout },
        );
    }

    async switchLanguage(lang) {
        await this.page.click(`[data-lang="${lang}"]`);
    }
}
