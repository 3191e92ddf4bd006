// The embedding example of docs/CLIENT.md, run as written in a page of another origin (a small
// HTTP server standing in for the GIStack front end's own host), against the real server.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { after, before, test } from "node:test";

import { Browser } from "./support/browser.mjs";
import { ServerProcess } from "./support/server.mjs";

const DOC = new URL("../../docs/CLIENT.md", import.meta.url);

let server;
let browser;
let host; // the front end's origin
let hostPages = {};

// The first ```html block of docs/CLIENT.md, pointed at the test server.
async function docExample(index) {
    const blocks = [...(await readFile(DOC, "utf8")).matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(blocks[index], `docs/CLIENT.md has no html example #${index}`);
    return blocks[index]
        .replaceAll("https://notify.example.com", server.baseUrl)
        .replaceAll("wss://notify.example.com", server.baseUrl.replace("http://", "ws://"));
}

// The front end's side of the example: the objects the ten lines talk to, recording each call.
function frontEnd(token) {
    return `<!doctype html><meta charset="utf-8"><script>
        window.calls = [];
        const record = (what) => (...args) => window.calls.push([what, ...args]);
        window.gistack = {
            session: { token: ${JSON.stringify(token)} },
            badges: { set: record("badge") },
            toast: record("toast"),
            inbox: { add: (frame) => window.calls.push(["inbox", frame.type]) },
            statusIcon: { show: record("state") },
        };
        </script>`;
}

before(async () => {
    server = await ServerProcess.create();
    await server.start();
    await server.addOrg("org-1");
    await server.addUser("wang-fang", "org-1", "orgadmin");
    await server.addUser("li-wei", "org-1", "user");
    host = createServer((request, response) => {
        const page = hostPages[request.url];
        response.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8" });
        response.end(page || "not found");
    });
    await new Promise((resolve) => host.listen(0, "127.0.0.1", resolve));
    browser = await Browser.launch();
});

after(async () => {
    await browser?.close();
    host?.close();
    await server?.cleanup();
});

const hostUrl = (page) => `http://127.0.0.1:${host.address().port}${page}`;

test("the ten-line ES module example of CLIENT.md works from another origin", async () => {
    hostPages["/module.html"] = frontEnd(await server.token("wang-fang")) + (await docExample(0));
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(hostUrl("/module.html"));
    const calls = () => page.evaluate(() => window.calls);
    await page.waitForFunction(() => window.calls.some(([what, state]) => what === "state" && state === "open"));

    await server.call("POST", "/api/v1/registrations", { userId: "zhao-min", orgId: "org-1", name: "Zhao Min" }, 201);
    await page.waitForFunction(() => window.calls.some(([what]) => what === "badge"));
    const request = await server.submitRequest("wang-fang", "website", "apply", "flood-risk-portal");
    await server.decide(request, true, "wang-fang");
    await page.waitForFunction(() => window.calls.some(([what]) => what === "toast"));

    const seen = await calls();
    assert.deepEqual(
        seen.filter(([what]) => what === "badge"),
        [["badge", "registrations", 1]],
    );
    assert.deepEqual(
        seen.filter(([what]) => what === "toast"),
        [["toast", "Cloud site flood-risk-portal approved"]],
    );
    // The catch-all saw every frame: the count, the request count going up and down, the result.
    const inbox = seen.filter(([what]) => what === "inbox").map(([, type]) => type);
    assert.ok(inbox.includes("USER_REGISTER") && inbox.includes("GCLOUD_WEBSITE_APPROVE_REQUEST_PASSED"), inbox);
    assert.deepEqual(
        seen.filter(([what]) => what === "state").map(([, state]) => state),
        ["connecting", "open"],
    );
    assert.deepEqual(errors, []);
    await page.close();
});

test("the plain-script example defines window.GIStackNotify and connects", async () => {
    const example = (await docExample(1)).replace(
        "token: myToken",
        `token: ${JSON.stringify(await server.token("li-wei"))}`,
    );
    hostPages["/script.html"] = `<!doctype html><meta charset="utf-8">${example}`;
    const page = await browser.newPage();
    await page.goto(hostUrl("/script.html"));
    await page.waitForFunction(() => typeof client !== "undefined" && client.state === "open");
    // The module entry hands out the very same class.
    const same = await page.evaluate(
        async (base) => (await import(`${base}/gistack-notify.mjs`)).NotifyClient === window.GIStackNotify.NotifyClient,
        server.baseUrl,
    );
    assert.equal(same, true);
    await server.waitForStats((stats) => stats.onlineUsers === 1 && stats.connections === 1);
});
