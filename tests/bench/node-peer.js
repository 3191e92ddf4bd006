'use strict';
// The Node.js + ws peer of the GIStack Notify benchmark: the same scenario with no database.
// /ws?token=JWT (HS256, checked with node's HMAC) gets one login frame; POST /publish {type, msg}
// sends one frame per online user, each listing only its recipient, as GIStack Notify does.
const crypto = require('crypto');
const http = require('http');
const { WebSocketServer } = require('ws');

const secret = process.env.GISTACK_JWT_SECRET;
const online = new Map(); // userId -> Set of sockets
const two = (n) => String(n).padStart(2, '0');
const stamp = (d) => `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ` +
  `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
const b64json = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());

function verify(token) { // returns the user id, or null
  const [head, body, sig] = (token || '').split('.');
  if (!sig) return null;
  const want = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !crypto.timingSafeEqual(got, want)) return null;
  try {
    const claims = b64json(body);
    const ok = b64json(head).alg === 'HS256' && typeof claims.sub === 'string' && claims.sub;
    return ok && claims.exp > Date.now() / 1000 ? claims.sub : null;
  } catch { return null; }
}

function envelope(type, msg) { // the bytes around userId are built once per message
  const id = crypto.randomUUID();
  const head = `{"id":"${id}","userId":[`;
  const tail = `],"createTime":"${stamp(new Date())}","type":"${type}","msg":${JSON.stringify(msg)}}`;
  return { id, frameFor: (userId) => head + JSON.stringify(userId) + tail };
}

const wss = new WebSocketServer({ noServer: true, maxPayload: 65536 });
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/publish') return res.writeHead(404).end();
  const chunks = [];
  req.on('data', (c) => chunks.push(c)).on('end', () => {
    const { type, msg } = JSON.parse(Buffer.concat(chunks));
    const e = envelope(type, msg);
    for (const [userId, sockets] of online) {
      const frame = e.frameFor(userId);
      for (const ws of sockets) ws.send(frame);
    }
    const reply = JSON.stringify({ id: e.id });
    res.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': reply.length }).end(reply);
  });
});
server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url, 'http://peer');
  if (url.pathname !== '/ws') return socket.destroy();
  wss.handleUpgrade(req, socket, head, (ws) => {
    const userId = verify(url.searchParams.get('token'));
    if (!userId) return ws.close(4401, 'invalid token');
    if (!online.has(userId)) online.set(userId, new Set());
    online.get(userId).add(ws);
    ws.on('close', () => { const s = online.get(userId); s.delete(ws); if (!s.size) online.delete(userId); });
    const expireDate = stamp(new Date(Date.now() + 3 * 86400e3));
    ws.send(envelope('NORMAL_USER_DESKTOP_LEASE_EXPIRED',
      [{ expireDate, resourceName: 'bench-desktop', timeLeft: 3 }]).frameFor(userId));
  });
});
setInterval(() => { for (const ws of wss.clients) ws.ping(); }, 25000).unref(); // keep-alive, as ours
server.listen({ host: '127.0.0.1', port: Number(process.env.PEER_PORT || 0), backlog: 4096 }, () =>
  console.log(`peer listening on http://127.0.0.1:${server.address().port}`));
