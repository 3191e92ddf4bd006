// Takes docs/demo-page.png: an org admin who also holds leases, with pending approvals and a
// decided request, so one picture shows cards, badges and the connection state.
//   GISTACK_SERVER_BIN=build/bin/gistack-server node tests/e2e/screenshot.mjs docs/demo-page.png [en|zh]
import { Browser } from "./support/browser.mjs";
import { DemoPage } from "./support/demoPage.mjs";
import { ServerProcess, daysFromToday } from "./support/server.mjs";

const output = process.argv[2] || "demo-page.png";
const lang = process.argv[3] || "en";

const server = await ServerProcess.create();
let browser;
try {
    await server.start();
    await server.addOrg("org-1", "Survey Bureau");
    await server.addUser("wang-fang", "org-1", "orgadmin", "Wang Fang");
    await server.addUser("li-wei", "org-1", "user", "Li Wei");
    await server.call("PUT", "/api/v1/leases/site-1", {
        userId: "wang-fang",
        kind: "site",
        resourceName: "city-map-site",
        expireDate: daysFromToday(3),
        arcgisLicence: { fileName: "test", version: "10.6.1", expireDate: daysFromToday(4) },
    });
    await server.call("PUT", "/api/v1/leases/desk-1", {
        userId: "wang-fang",
        kind: "desktop",
        resourceName: "gis-desktop-01",
        expireDate: daysFromToday(-2),
    });
    for (const [userId, name] of [
        ["zhao-min", "Zhao Min"],
        ["chen-jie", "Chen Jie"],
    ])
        await server.call("POST", "/api/v1/registrations", { userId, orgId: "org-1", name }, 201);
    await server.submitRequest("li-wei", "desktop", "renew", "gis-desktop-07");
    const own = await server.submitRequest("wang-fang", "website", "apply", "flood-risk-portal");

    browser = await Browser.launch({ locale: lang === "zh" ? "zh-CN" : "en-US" });
    const page = await DemoPage.open(browser, server.baseUrl, await server.token("wang-fang"));
    await page.waitForState("open");
    await page.waitForBadge("registrations", 2);
    await server.submitRequest("li-wei", "website", "apply", "land-use-viewer");
    await server.decide(own, true, "wang-fang");
    await page.waitForCard(lang === "zh" ? "flood-risk-portal 已通过" : "flood-risk-portal was approved");
    await page.page.setViewportSize({ width: 1100, height: 800 });
    await page.page.screenshot({ path: output, fullPage: true, animations: "disabled" });
    console.log(`wrote ${output}`);
} finally {
    await browser?.close();
    await server.cleanup();
}
