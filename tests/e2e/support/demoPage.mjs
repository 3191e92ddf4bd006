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

    async switchLanguage(lang) {
        await this.page.click(`[data-lang="${lang}"]`);
    }
}
