// A user's page shows its login reminders as readable cards, in English or Chinese.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";

import { Browser } from "./support/browser.mjs";
import { DemoPage } from "./support/demoPage.mjs";
import { ServerProcess, daysFromToday } from "./support/server.mjs";

let server;
let browser;

before(async () => {
    server = await ServerProcess.create();
    await server.start();
    await server.addOrg("org-1", "Survey Bureau");
    await server.addUser("li-wei", "org-1", "user", "Li Wei");
    await server.addUser("sys-1", "org-1", "sysadmin", "Platform Admin");
    await server.call("PUT", "/api/v1/leases/site-1", {
        userId: "li-wei",
        kind: "site",
        resourceName: "city-map-site",
        expireDate: daysFromToday(4),
        arcgisLicence: { fileName: "test", version: "10.6.1", expireDate: daysFromToday(4) },
    });
    await server.call("PUT", "/api/v1/leases/site-2", {
        userId: "li-wei",
        kind: "site",
        resourceName: "old-portal",
        expireDate: daysFromToday(-2),
    });
    await server.call("PUT", "/api/v1/leases/desk-1", {
        userId: "li-wei",
        kind: "desktop",
        resourceName: "gis-desktop-01",
        expireDate: daysFromToday(10),
    });
    await server.call("PUT", "/api/v1/leases/far-1", {
        userId: "li-wei",
        kind: "desktop",
        resourceName: "far-desktop",
        expireDate: daysFromToday(11),
    });
    await server.call("PUT", "/api/v1/licences/gistack", { expireDate: daysFromToday(7) });
    await server.call("PUT", "/api/v1/licences/arcgis/ags-1", {
        fileName: "test",
        version: "10.6.1",
        expireDate: daysFromToday(4),
    });
});

after(async () => {
    await browser?.close();
    await server?.cleanup();
});

test("a user's page shows each login reminder as a card in English", async () => {
    browser = await Browser.launch({ locale: "en-US" });
    const page = await DemoPage.open(browser, server.baseUrl, await server.token("li-wei"));
    await page.waitForState("open");
    assert.equal(await page.stateText(), "Connected");

    await page.waitForCard("The lease of cloud site city-map-site expires in 4 days");
    await page.waitForCard("The lease of cloud site old-portal expired 2 days ago");
    await page.waitForCard("ArcGIS licence test-10.6.1 expires in 4 days");
    await page.waitForCard("The lease of cloud desktop gis-desktop-01 expires in 10 days");
    const lines = await page.cardLines();
    assert.ok(!lines.some((line) => line.includes("far-desktop")), "11 days out is past the threshold");
    assert.ok(!(await page.badgesVisible()), "a plain user has no approval badges");

    // The expired site makes its card a warning in red, not just another line.
    const expired = await page.waitForCard("old-portal");
    assert.match(await expired.first().getAttribute("class"), /tone-danger/);

    // The token left the address bar once read.
    assert.ok(!page.page.url().includes("token="), page.page.url());
    assert.deepEqual(page.problems, []);
});

test("switching to Chinese re-words the same cards", async () => {
    const [page] = browser.context.pages().filter((p) => p.url().startsWith(server.baseUrl));
    const demo = new DemoPage(page);
    await demo.switchLanguage("zh");
    await demo.waitForCard("云站点 city-map-site 的租期将在 4 天后到期");
    await demo.waitForCard("云站点 old-portal 的租期已过期 2 天");
    await demo.waitForCard("ArcGIS 授权 test-10.6.1 将在 4 天后到期");
    await demo.waitForCard("云桌面 gis-desktop-01 的租期将在 10 天后到期");
    assert.equal(await demo.stateText(), "已连接");
});

test("a sysadmin's page in a Chinese browser opens in Chinese with the licence reminders", async () => {
    const zhBrowser = await Browser.launch({ locale: "zh-CN" });
    try {
        const page = await DemoPage.open(zhBrowser, server.baseUrl, await server.token("sys-1"));
        await page.waitForCard("GIStack 平台授权将在 7 天后到期");
        await page.waitForCard("ArcGIS 授权 test-10.6.1 将在 4 天后到期");
        await page.switchLanguage("en");
        await page.waitForCard("The GIStack platform licence expires in 7 days");
        await page.waitForCard("ArcGIS licence test-10.6.1 expires in 4 days");
        assert.deepEqual(page.problems, []);
    } finally {
        await zhBrowser.close();
    }
});
