// The ES module entry of the GIStack Notify client. gistack-notify.js stays free of `export`
// so that a classic <script> can load it too; imported here for its side effect, it puts the
// API on globalThis.GIStackNotify, which this module re-exports.
import "./gistack-notify.js";

const api = globalThis.GIStackNotify;

export const { NotifyClient, State, CLOSE_UNAUTHORIZED, backoffDelay, RecentIds } = api;
export default api;
