// The applicant's page shows the decision on its request, worded as approved or rejected.
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
    await server.addUser("zhang-san", "org-1", "user", "Zhang San");
    browser = await Browser.launch();
});

after(async () => {
    await browser?.close();
    await server?.cleanup();
});

test("the applicant's open tabs show the approval and the rejection", async () => {
    const token = await server.token("li-wei");
    const tab1 = await DemoPage.open(browser, server.baseUrl, token);
    const tab2 = await DemoPage.open(browser, server.baseUrl, token);
    const bystander = await DemoPage.open(browser, server.baseUrl, await server.token("zhang-san"));
    for (const page of [tab1, tab2, bystander]) await page.waitForState("open");

    const site = await server.submitRequest("li-wei", "website", "apply", "flood-risk-portal");
    const desktop = await server.submitRequest("li-wei", "desktop", "renew", "gis-desktop-01");
    await server.decide(site, true, "wang-fang");
    await server.decide(desktop, false, "wang-fang");

    for (const tab of [tab1, tab2]) {
        const approved = await tab.waitForCard("Your application for cloud site flood-risk-portal was approved");
        assert.match(await approved.first().getAttribute("class"), /tone-success/);
        const rejected = await tab.waitForCard("Your renewal of cloud desktop gis-desktop-01 was rejected");
        assert.match(await rejected.first().getAttribute("class"), /tone-danger/);
        assert.equal(await tab.cardCount("flood-risk-portal"), 1);
    }
    await tab1.switchLanguage("zh");
    await tab1.waitForCard("您申请的云站点 flood-risk-portal 已通过审批");
    await tab1.waitForCard("您的云桌面 gis-desktop-01 续期申请未通过");

    assert.deepEqual(await bystander.cardLines(), [], "another user hears nothing of it");
    assert.deepEqual(tab1.problems, []);
});
