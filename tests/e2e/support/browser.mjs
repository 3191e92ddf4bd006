// Debian's chromium (apt-get install chromium; ./run.sh test does it), driven by
// playwright-core from npm. Each launch gets a fresh, empty profile directory.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CHROMIUM = process.env.GISTACK_CHROMIUM || "/usr/bin/chromium";

const ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

// ctest installs the npm dependencies into the build tree (GISTACK_E2E_DEPS); by hand, `npm ci`
// in tests/e2e works too.
function playwright() {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const deps = process.env.GISTACK_E2E_DEPS || path.join(here, "..");
    try {
        return createRequire(path.join(deps, "package.json"))("playwright-core");
    } catch (error) {
        throw new Error(`playwright-core is not installed in ${deps}: run \`npm ci\` there (ctest's e2e_install does)`);
    }
}

export class Browser {
    #context;
    #profile;

    // locale decides navigator.language, which picks the page's default language.
    static async launch({ locale = "en-US" } = {}) {
        if (!existsSync(CHROMIUM))
            throw new Error(`${CHROMIUM} not found: apt-get install chromium (./run.sh test installs it)`);
        const browser = new Browser();
        browser.#profile = await mkdtemp(path.join(tmpdir(), "gistack-chromium-"));
        browser.#context = await playwright().chromium.launchPersistentContext(browser.#profile, {
            executablePath: CHROMIUM,
            headless: true,
            args: ARGS,
            locale,
            viewport: { width: 1100, height: 900 },
        });
        return browser;
    }

    get context() {
        return this.#context;
    }

    async newPage() {
        return this.#context.newPage();
    }

    async close() {
        await this.#context?.close();
        await rm(this.#profile, { recursive: true, force: true });
    }
}
