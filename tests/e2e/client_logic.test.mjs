// The client's pure parts in Node, without a browser: the back-off delays and the bounded
// memory of message ids. Its behaviour over a real socket is checked in Chromium by the
// other files here.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const { NotifyClient, RecentIds, backoffDelay } = createRequire(import.meta.url)(
    "../../resources/web/gistack-notify.js",
);

test("back-off: a random delay below a ceiling that doubles from 1 s and stops at 30 s", () => {
    const almostOne = () => 0.999999;
    const ceilings = [0, 1, 2, 3, 4, 5, 6, 50, 5000].map((attempt) => backoffDelay(attempt, 1000, 30000, almostOne));
    assert.deepEqual(ceilings, [999, 1999, 3999, 7999, 15999, 29999, 29999, 29999, 29999]);
    for (const attempt of [0, 3, 10])
        assert.equal(
            backoffDelay(attempt, 1000, 30000, () => 0),
            0,
        );
    assert.equal(
        backoffDelay(2, 1000, 30000, () => 0.5),
        2000,
    );
});

test("back-off: clients that lost the server together spread over the whole window", () => {
    // Full jitter uses the random number as is: evenly spread randoms give evenly spread delays.
    const delays = Array.from({ length: 10 }, (_, i) => backoffDelay(4, 1000, 30000, () => i / 10));
    assert.deepEqual(delays, [0, 1600, 3200, 4800, 6400, 8000, 9600, 11200, 12800, 14400]);
});

test("recent ids: a repeated id is caught, the oldest is forgotten past the capacity", () => {
    const ids = new RecentIds(3);
    assert.deepEqual(
        ["a", "b", "c"].map((id) => ids.seen(id)),
        [false, false, false],
    );
    assert.equal(ids.seen("b"), true);
    assert.equal(ids.seen("d"), false); // forgets "a"
    assert.equal(ids.size, 3);
    assert.equal(ids.seen("a"), false);
    assert.equal(ids.seen("c"), true);
});

test("recent ids: memory stays bounded however many messages arrive", () => {
    const ids = new RecentIds(1000);
    for (let i = 0; i < 100000; ++i) ids.seen(`id-${i}`);
    assert.equal(ids.size, 1000);
    assert.equal(ids.seen("id-99999"), true);
    assert.equal(ids.seen("id-0"), false);
});

test("bad use is answered with a clear error", () => {
    assert.throws(() => new NotifyClient({ url: "ws://127.0.0.1:1/ws" }), /options\.token is required/);
    const client = new NotifyClient({ url: "ws://127.0.0.1:1/ws", token: "t" });
    assert.throws(() => client.on("USER_REGISTER", "not a function"), /handler must be a function/);
    assert.equal(client.state, "idle");
});
