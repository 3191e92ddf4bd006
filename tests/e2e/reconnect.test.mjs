// Killing the server does not lose the page: it reconnects by itself once the server is back,
// and receives the result that was decided while it had no connection.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Browser } from "./support/browser.mjs";
import { DemoPage } from "./support/demoPage.mjs";
import { ServerProcess } from "./support/server.mjs";

let server;
let browser;

before(async () => {
    server = await ServerProcess.create();
    await server.start();
    await server.addOrg("org-1", "Survey Bureau");
    await server.addUser("wang-fang", "org-1", "orgadmin", "Wang Fang");
    await server.addUser("li-wei", "org-1", "user", "Li Wei");
    browser = await Browser.launch();
});

after(async () => {
    await browser?.close();
    await server?.cleanup();
});

async function resultDelivery(messageId) {
    const { messages } = await server.call("GET", "/api/v1/messages?userId=li-wei&limit=20");
    return messages.find((message) => message.id === messageId)?.delivery;
}

test("after SIGKILL and a restart the page reconnects and gets the result decided meanwhile", async () => {
    const page = await DemoPage.open(browser, server.baseUrl, await server.token("li-wei"));
    await page.waitForState("open");
    const request = await server.submitRequest("li-wei", "desktop", "apply", "gis-desktop-02");

    await server.kill();
    await page.waitForStateText(/^Connection lost, retrying in \d+ s$/);

    // Attempts against the dead port fail at once and the back-off window keeps doubling. Wait
    // for a planned attempt that is still seconds away, so the decision below surely lands
    // while the page has no connection (checked, not assumed, through the message log).
    await page.page.waitForFunction(
        () => {
            const box = document.querySelector("#connection");
            return box.dataset.state === "reconnecting" && Number(box.dataset.retryAt) - Date.now() >= 4000;
        },
        null,
        { timeout: 90000 },
    );
    const attemptsWhileDown = page.sockets.length - 1;

    const restartedAt = Date.now();
    await server.start();
    const { messageId } = await server.decide(request, true, "wang-fang");
    assert.equal(await resultDelivery(messageId), "queued", "the page was offline when the decision was made");

    await page.waitForState("open", 60000);
    const reconnectMs = Date.now() - restartedAt;
    const card = await page.waitForCard("Your application for cloud desktop gis-desktop-02 was approved");
    assert.equal(await card.count(), 1);
    assert.equal(await resultDelivery(messageId), "delivered");
    console.log(`# attempts while the server was down: ${attemptsWhileDown}`);
    console.log(`# reconnected ${reconnectMs} ms after the restart began`);
});

test("a clean shutdown (SIGTERM, close code 1001) is also followed by a reconnect", async () => {
    const page = await DemoPage.open(browser, server.baseUrl, await server.token("li-wei"));
    await page.waitForState("open");
    await page.recordCloseCodes();
    await server.stop();
    await page.waitForState("reconnecting");
    assert.equal((await page.closeCodes())[0], "1001");
    await server.start();
    await page.waitForState("open", 60000);
    const { id } = await server.call(
        "POST",
        "/api/v1/messages",
        { userId: ["li-wei"], type: "GCLOUD_WEBSITE_RENEW_APPROVE_REQUEST_PASSED", msg: "city-map-site" },
        201,
    );
    assert.ok(id);
    await page.waitForCard("Your renewal of cloud site city-map-site was approved");
});
