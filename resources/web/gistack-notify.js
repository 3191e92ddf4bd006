/*
 * GIStack Notify browser client: one WebSocket to the notification server, kept open.
 * No dependencies and no build step. Use it as
 *   - a plain script:  <script src="/gistack-notify.js"></script>  ->  window.GIStackNotify
 *   - an ES module:    import { NotifyClient } from "/gistack-notify.mjs";
 *   - CommonJS:        const { NotifyClient } = require("./gistack-notify.js");
 * This file has no `export` statement so that a classic <script> can load it; the .mjs file
 * next to it imports it and re-exports the same objects. See docs/CLIENT.md.
 */
(function (root, factory) {
    "use strict";
    const api = factory();
    if (typeof module === "object" && module && module.exports) module.exports = api;
    else root.GIStackNotify = api;
})(typeof globalThis !== "undefined" ? globalThis : this, function () {
    "use strict";

    // Connection states, in the order a healthy client goes through them.
    const State = Object.freeze({
        IDLE: "idle", // created, connect() not called yet
        CONNECTING: "connecting", // socket opening (or token being fetched)
        OPEN: "open", // socket open, token sent; the server closes it with 4401 if it disagrees
        RECONNECTING: "reconnecting", // dropped; waiting for the next attempt
        UNAUTHORIZED: "unauthorized", // closed with 4401: retrying cannot help until a new token
        CLOSED: "closed", // close() was called
    });

    const CLOSE_UNAUTHORIZED = 4401;

    // "Full jitter": a random delay below an exponentially growing ceiling. After a server
    // restart, thousands of clients spread their attempts over the whole window instead of
    // arriving together, and the window keeps widening while the server stays down.
    function backoffDelay(attempt, baseMs, capMs, random) {
        const ceiling = Math.min(capMs, baseMs * Math.pow(2, Math.min(attempt, 30)));
        return Math.floor(random() * ceiling);
    }

    // The ids seen last, oldest forgotten first, so memory stays bounded on a tab left open.
    class RecentIds {
        constructor(capacity) {
            this.capacity = Math.max(1, capacity | 0);
            this.ids = new Set();
        }

        // True when the id was seen before; otherwise remembers it.
        seen(id) {
            if (this.ids.has(id)) return true;
            this.ids.add(id);
            if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value);
            return false;
        }

        get size() {
            return this.ids.size;
        }
    }

    function defaultUrl() {
        if (typeof location === "undefined") throw new Error("GIStackNotify: give options.url");
        return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/ws";
    }

    function reportError(error) {
        if (typeof globalThis.reportError === "function") globalThis.reportError(error);
        else if (typeof console !== "undefined") console.error(error);
    }

    class NotifyClient {
        #url;
        #token;
        #tokenInUrl;
        #baseDelayMs;
        #maxDelayMs;
        #stableAfterMs;
        #random;
        #WebSocket;
        #recent;
        #handlers = new Map(); // type or "*" -> Set of functions
        #stateHandlers = new Set();
        #state = State.IDLE;
        #socket = null;
        #timer = null;
        #attempt = 0;
        #openedAt = 0;
        #lastClose = null;
        #retryAt = 0;
        #generation = 0; // bumped by every stop, so a late token or timer cannot revive an old attempt
        #onOnline = () => this.#retrySoon();

        /**
         * options.token       the JWT, or a function returning it (or a Promise of it), asked
         *                     before every attempt so an expiring token can be refreshed
         * options.url         ws(s)://host:port/ws; default: /ws on the page's own host
         * options.tokenInUrl  send the token as ?token= instead of as the first frame
         *                     (default false: keeps it out of proxy and access logs)
         * options.baseDelayMs, options.maxDelayMs   back-off window: 1 s doubling up to 30 s
         * options.dedupCapacity   how many message ids to remember (default 1000)
         */
        constructor(options = {}) {
            if (!options.token) throw new Error("GIStackNotify: options.token is required");
            this.#url = options.url || defaultUrl();
            this.#token = options.token;
            this.#tokenInUrl = !!options.tokenInUrl;
            this.#baseDelayMs = options.baseDelayMs ?? 1000;
            this.#maxDelayMs = options.maxDelayMs ?? 30000;
            // A connection must stay up this long before the back-off starts over, so a
            // server that accepts and then drops sockets cannot pull clients into a loop.
            this.#stableAfterMs = options.stableAfterMs ?? 5000;
            this.#random = options.random || Math.random;
            this.#WebSocket = options.WebSocket || globalThis.WebSocket;
            this.#recent = new RecentIds(options.dedupCapacity ?? 1000);
        }

        get state() {
            return this.#state;
        }

        // {code, reason} of the last close, or null.
        get lastClose() {
            return this.#lastClose;
        }

        // When the next attempt is due (ms since the epoch), 0 when none is planned.
        get retryAt() {
            return this.#state === State.RECONNECTING ? this.#retryAt : 0;
        }

        // Failed attempts since the last stable connection.
        get attempt() {
            return this.#attempt;
        }

        /**
         * Calls handler(msg, frame) for each new message of that type; "*" gets every type.
         * Returns a function that removes the handler.
         */
        on(type, handler) {
            if (typeof handler !== "function") throw new TypeError("GIStackNotify: handler must be a function");
            if (!this.#handlers.has(type)) this.#handlers.set(type, new Set());
            this.#handlers.get(type).add(handler);
            return () => this.off(type, handler);
        }

        off(type, handler) {
            const set = this.#handlers.get(type);
            if (set) set.delete(handler);
        }

        // Calls handler(state, detail) on every state change; detail has code, reason,
        // attempt and retryAt where they apply. Returns a function that removes it.
        onStateChange(handler) {
            this.#stateHandlers.add(handler);
            return () => this.#stateHandlers.delete(handler);
        }

        // Starts connecting; also resumes after close() or a 4401, e.g. with a new token.
        connect(token) {
            if (token) this.#token = token;
            this.#stop();
            this.#attempt = 0;
            if (typeof addEventListener === "function") addEventListener("online", this.#onOnline);
            this.#open();
        }

        // Closes for good: no reconnect until connect() is called again.
        close() {
            this.#stop();
            if (typeof removeEventListener === "function") removeEventListener("online", this.#onOnline);
            this.#setState(State.CLOSED, {});
        }

        async #open() {
            const generation = this.#generation;
            this.#setState(State.CONNECTING, { attempt: this.#attempt });
            let token;
            try {
                token = typeof this.#token === "function" ? await this.#token() : this.#token;
                if (!token) throw new Error("no token");
            } catch (error) {
                reportError(error);
                if (generation === this.#generation) this.#scheduleRetry({ code: 0, reason: "token unavailable" });
                return;
            }
            if (generation !== this.#generation) return; // stopped while the token was coming
            let socket;
            try {
                const url = this.#tokenInUrl
                    ? this.#url + (this.#url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token)
                    : this.#url;
                socket = new this.#WebSocket(url);
            } catch (error) {
                reportError(error);
                return this.#scheduleRetry({ code: 0, reason: String(error && error.message) });
            }
            this.#socket = socket;
            socket.onopen = () => {
                if (socket !== this.#socket) return;
                if (!this.#tokenInUrl) socket.send(JSON.stringify({ token }));
                this.#openedAt = Date.now();
                this.#setState(State.OPEN, { attempt: this.#attempt });
            };
            socket.onmessage = (event) => {
                if (socket === this.#socket) this.#receive(event.data);
            };
            socket.onclose = (event) => {
                if (socket !== this.#socket) return;
                this.#socket = null;
                this.#closed(event.code, event.reason);
            };
        }

        #closed(code, reason) {
            this.#lastClose = { code, reason };
            if (code === CLOSE_UNAUTHORIZED) {
                this.#setState(State.UNAUTHORIZED, { code, reason });
                return;
            }
            if (this.#openedAt && Date.now() - this.#openedAt >= this.#stableAfterMs) this.#attempt = 0;
            this.#openedAt = 0;
            this.#scheduleRetry({ code, reason });
        }

        #scheduleRetry(detail) {
            const delay = backoffDelay(this.#attempt, this.#baseDelayMs, this.#maxDelayMs, this.#random);
            this.#attempt += 1;
            this.#retryAt = Date.now() + delay;
            this.#timer = setTimeout(() => {
                this.#timer = null;
                this.#open();
            }, delay);
            this.#setState(State.RECONNECTING, { ...detail, attempt: this.#attempt, retryAt: this.#retryAt });
        }

        // The network came back: try within a second instead of waiting out a long delay.
        #retrySoon() {
            if (this.#state !== State.RECONNECTING) return;
            clearTimeout(this.#timer);
            const delay = backoffDelay(0, this.#baseDelayMs, this.#maxDelayMs, this.#random);
            this.#retryAt = Date.now() + delay;
            this.#timer = setTimeout(() => {
                this.#timer = null;
                this.#open();
            }, delay);
            this.#setState(State.RECONNECTING, { attempt: this.#attempt, retryAt: this.#retryAt });
        }

        #stop() {
            this.#generation += 1;
            clearTimeout(this.#timer);
            this.#timer = null;
            const socket = this.#socket;
            this.#socket = null;
            this.#openedAt = 0;
            if (socket) {
                socket.onopen = socket.onmessage = socket.onclose = null;
                try {
                    socket.close(1000);
                } catch (error) {
                    // already closing
                }
            }
        }

        #receive(data) {
            let frame;
            try {
                frame = JSON.parse(data);
            } catch (error) {
                return;
            }
            if (!frame || typeof frame !== "object" || typeof frame.type !== "string") return;
            // The same message can come twice (a queued result re-sent after a drop mid-delivery).
            if (typeof frame.id === "string" && frame.id !== "" && this.#recent.seen(frame.id)) return;
            this.#dispatch(frame.type, frame);
            this.#dispatch("*", frame);
        }

        #dispatch(key, frame) {
            const set = this.#handlers.get(key);
            if (!set) return;
            for (const handler of [...set]) {
                try {
                    handler(frame.msg, frame);
                } catch (error) {
                    reportError(error); // one broken handler must not starve the others
                }
            }
        }

        #setState(state, detail) {
            this.#state = state;
            for (const handler of [...this.#stateHandlers]) {
                try {
                    handler(state, detail);
                } catch (error) {
                    reportError(error);
                }
            }
        }
    }

    return Object.freeze({ NotifyClient, State, CLOSE_UNAUTHORIZED, backoffDelay, RecentIds });
});
