// A page whose token the server refuses (4401) says so and stops trying: no reconnect storm
// from a tab with a bad token.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";

import { Browser } from "./support/browser.mjs";
import { DemoPage } from "./support/demoPage.mjs";
import { ServerProcess } from "./support/server.mjs";

const QUIET_MS = 6000; // several back-off windows: a retrying client would have tried again

let server;
let browser;

before(async () => {
    server = await ServerProcess.create();
    await server.start();
    await server.addOrg("org-1");
    await server.addUser("li-wei", "org-1", "user");
    browser = await Browser.launch();
});

after(async () => {
    await browser?.close();
    await server?.cleanup();
});

// Changes one character of the signature, keeping it valid base64url.
function tamper(token) {
    const last = token.at(-2) === "A" ? "B" : "A";
    return token.slice(0, -2) + last + token.at(-1);
}

async function expectRefusedOnce(token, reasonPart) {
    const page = await DemoPage.open(browser, server.baseUrl, token);
    await page.waitForState("unauthorized");
    assert.equal(await page.page.getAttribute("#connection", "data-close-code"), "4401");
    assert.match(await page.stateText(), /Token refused/);
    assert.match(await page.stateText(), reasonPart);

    await sleep(QUIET_MS);
    assert.equal(page.sockets.length, 1, `the page opened ${page.sockets.length} sockets: ${page.sockets}`);
    assert.equal(await page.state(), "unauthorized");
    const stats = await server.stats();
    assert.equal(stats.connections, 0);
    assert.equal(stats.onlineUsers, 0);
    await page.page.close();
}

test("a tampered token is refused with 4401 and never retried", async () => {
    await expectRefusedOnce(tamper(await server.token("li-wei")), /invalid signature/);
});

test("a token for an unknown user is refused with 4401 and never retried", async () => {
    await expectRefusedOnce(await server.token("nobody"), /unknown user/);
});

test("a fresh token on the same page connects again", async () => {
    const page = await DemoPage.open(browser, server.baseUrl, tamper(await server.token("li-wei")));
    await page.waitForState("unauthorized");
    await page.page.fill("#token", await server.token("li-wei"));
    await page.page.click("#connect");
    await page.waitForState("open");
    await server.waitForStats((stats) => stats.onlineUsers === 1);
});
