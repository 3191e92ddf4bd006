// The real gistack-server binary, started as a user would start it: its own process on a free
// loopback port, a SQLite file in a fresh directory, secrets from the environment.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const JWT_SECRET = "e2e-jwt-secret-0123456789abcdef";
const API_KEY = "e2e-api-key-0123456789abcdef";

export function serverBinary() {
    const bin = process.env.GISTACK_SERVER_BIN;
    if (!bin) throw new Error("GISTACK_SERVER_BIN is not set (ctest sets it to the built gistack-server)");
    return bin;
}

export class ServerProcess {
    #dir;
    #child = null;
    #exited = null;
    #log = "";
    port = 0; // 0 until the first start picks a free one; restarts reuse it

    static async create() {
        const server = new ServerProcess();
        server.#dir = await mkdtemp(path.join(tmpdir(), "gistack-e2e-"));
        return server;
    }

    get databasePath() {
        return path.join(this.#dir, "gistack.db");
    }

    get baseUrl() {
        return `http://127.0.0.1:${this.port}`;
    }

    get log() {
        return this.#log;
    }

    get env() {
        return { ...process.env, GISTACK_JWT_SECRET: JWT_SECRET, GISTACK_API_KEY: API_KEY };
    }

    // Starts the binary and resolves once it answers /healthz.
    async start() {
        if (this.#child) throw new Error("server already running");
        const args = ["--bind", "127.0.0.1", "--port", String(this.port), "--database", this.databasePath];
        const child = spawn(serverBinary(), args, { env: this.env, stdio: ["ignore", "pipe", "pipe"] });
        this.#child = child;
        this.#exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
        const listening = new Promise((resolve, reject) => {
            const onData = (chunk) => {
                this.#log += chunk;
                const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(this.#log.slice(-2000));
                if (match) resolve(Number(match[1]));
            };
            child.stdout.setEncoding("utf8").on("data", onData);
            child.stderr.setEncoding("utf8").on("data", onData);
            this.#exited.then(({ code, signal }) =>
                reject(new Error(`gistack-server exited (${code ?? signal}) while starting:\n${this.#log}`)),
            );
        });
        this.port = await withTimeout(listening, 15000, () => `gistack-server did not start:\n${this.#log}`);
        const health = await fetch(`${this.baseUrl}/healthz`);
        if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    }

    // SIGKILL: no close frames, no clean shutdown; the browser sees the TCP connection die.
    async kill() {
        await this.#signal("SIGKILL");
    }

    async stop() {
        await this.#signal("SIGTERM");
    }

    async cleanup() {
        await this.#signal("SIGKILL");
        await rm(this.#dir, { recursive: true, force: true });
    }

    async #signal(signal) {
        if (!this.#child) return;
        this.#child.kill(signal);
        await this.#exited;
        this.#child = null;
    }

    // `gistack-server token USERID`, with the same secret in the environment.
    async token(userId, ttlSeconds = 3600) {
        const run = promisify(execFile);
        const { stdout } = await run(serverBinary(), ["token", userId, "--ttl", String(ttlSeconds)], { env: this.env });
        return stdout.trim();
    }

    // One HTTP API call; returns {status, body}.
    async api(method, urlPath, body) {
        const response = await fetch(this.baseUrl + urlPath, {
            method,
            headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        let json = null;
        try {
            json = JSON.parse(text);
        } catch (error) {
            // not JSON: keep the text in the error below
        }
        return { status: response.status, body: json, text };
    }

    // An API call that must answer `status`; returns the JSON body.
    async call(method, urlPath, body, status = 200) {
        const result = await this.api(method, urlPath, body);
        if (result.status !== status)
            throw new Error(`${method} ${urlPath} answered ${result.status}, expected ${status}: ${result.text}`);
        return result.body;
    }

    // Fixtures through the API, as the platform's backend would send them.
    async addOrg(orgId, name = orgId) {
        return this.call("PUT", `/api/v1/orgs/${orgId}`, { name });
    }

    async addUser(userId, orgId, role, name = userId) {
        return this.call("PUT", `/api/v1/users/${userId}`, { name, orgId, role });
    }

    async submitRequest(userId, kind, action, resourceName) {
        const { id } = await this.call("POST", "/api/v1/requests", { userId, kind, action, resourceName }, 201);
        return id;
    }

    async decide(requestId, approved, adminId) {
        return this.call("POST", `/api/v1/requests/${requestId}/decision`, { approved, adminId });
    }

    async stats() {
        return this.call("GET", "/api/v1/stats");
    }

    // Polls /api/v1/stats until predicate(stats) holds. A socket counts as online only once
    // the server has looked its user up, a moment after the browser saw it open.
    async waitForStats(predicate, timeoutMs = 10000) {
        const deadline = Date.now() + timeoutMs;
        let stats;
        while (Date.now() < deadline) {
            stats = await this.stats();
            if (predicate(stats)) return stats;
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`stats never matched: ${JSON.stringify(stats)}`);
    }
}

// "yyyy-MM-dd HH:mm:ss" at noon, days from today in local time (the server's time zone too),
// so the day count does not depend on when in the day the test runs.
export function daysFromToday(days) {
    const date = new Date();
    date.setHours(12, 0, 0, 0);
    date.setDate(date.getDate() + days);
    const pad = (n) => String(n).padStart(2, "0");
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} 12:00:00`;
}

export function withTimeout(promise, ms, message) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(typeof message === "function" ? message() : message)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
