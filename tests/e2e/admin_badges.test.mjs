// An org admin's page counts pending approvals on badges that follow the HTTP API live.
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
    await server.addOrg("org-2", "Planning Office");
    await server.addUser("wang-fang", "org-1", "orgadmin", "Wang Fang");
    await server.addUser("li-wei", "org-1", "user", "Li Wei");
    await server.addUser("other-admin", "org-2", "orgadmin");
    await server.call("POST", "/api/v1/registrations", { userId: "zhao-min", orgId: "org-1", name: "Zhao Min" }, 201);
    browser = await Browser.launch();
});

after(async () => {
    await browser?.close();
    await server?.cleanup();
});

test("the admin's badges go up as requests are posted through the API, and down when decided", async () => {
    const admin = await DemoPage.open(browser, server.baseUrl, await server.token("wang-fang"));
    const otherAdmin = await DemoPage.open(browser, server.baseUrl, await server.token("other-admin"));
    await admin.waitForState("open");
    await otherAdmin.waitForState("open");

    // At login: the registration that was already waiting.
    await admin.waitForBadge("registrations", 1);
    await admin.waitForCard("1 registration awaiting your review");
    assert.equal(await admin.badge("websiteApply"), "0");

    const siteRequest = await server.submitRequest("li-wei", "website", "apply", "flood-risk-portal");
    await admin.waitForBadge("websiteApply", 1);
    await admin.waitForCard("1 cloud site application awaiting approval");

    await server.submitRequest("li-wei", "website", "apply", "land-use-viewer");
    await admin.waitForBadge("websiteApply", 2);
    await server.submitRequest("li-wei", "desktop", "renew", "gis-desktop-01");
    await admin.waitForBadge("desktopRenew", 1);
    await server.call("POST", "/api/v1/registrations", { userId: "chen-jie", orgId: "org-1", name: "Chen Jie" }, 201);
    await admin.waitForBadge("registrations", 2);

    await server.decide(siteRequest, true, "wang-fang");
    await admin.waitForBadge("websiteApply", 1);
    assert.equal(await admin.badge("registrations"), "2");
    assert.equal(await admin.badge("desktopRenew"), "1");

    // The admin of another org saw none of it.
    assert.ok(!(await otherAdmin.badgesVisible()), "another org's admin has no badges");
    assert.deepEqual(await otherAdmin.cardLines(), []);
    assert.deepEqual(admin.problems, []);
});

test("in Chinese the badges and count cards are worded in Chinese", async () => {
    const admin = await DemoPage.open(browser, server.baseUrl, await server.token("wang-fang"));
    await admin.switchLanguage("zh");
    await admin.waitForBadge("registrations", 2);
    assert.equal(await admin.page.textContent('[data-badge="registrations"] .badge-label'), "用户注册");
    await admin.waitForCard("2 个用户注册待您审核");
    await admin.waitForCard("1 个云站点申请待审批");
});
