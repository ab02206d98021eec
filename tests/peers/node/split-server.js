'use strict';
// A Node ws server that reassembles split messages (docs/chunking-protocol.md), on 127.0.0.1 at a free port
// (printed as "READY port").
// Arguments: maxPayload in bytes (per message); the reassembly cap in bytes (largest total of one message; the
// pending cap is 4 times it); optionally the timeout for incomplete messages in ms (default 30000).
// Each reassembled message is answered with a text report: {"id":N,"bytes":N,"sha256":"...","text":bool}.
// Protocol violations close the connection: 1002 (protocol error), 1007 (bad UTF-8), 1009 (over a cap).
const crypto = require('crypto');
const { WebSocketServer } = require('ws');

const maxPayload = Number(process.argv[2]);
const cap = Number(process.argv[3]);
const pendingCap = 4 * cap;
const timeoutMs = Number(process.argv[4] || 30000);
const HEADER = 20;
const TEXT = 0x01;

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws', maxPayload, perMessageDeflate: false });
server.on('listening', () => console.log(`READY ${server.address().port}`));
server.on('connection', (socket) => {
  const pending = new Map(); // id -> { flags, count, total, parts: Map(index -> data), bytes, timer }
  let pendingTotal = 0;
  let closed = false;

  const forget = (id) => {
    const message = pending.get(id);
    clearTimeout(message.timer);
    pendingTotal -= message.total;
    pending.delete(id);
  };
  const stop = () => {
    closed = true;
    for (const id of [...pending.keys()]) forget(id);
  };
  const fail = (code, reason) => {
    stop();
    socket.close(code, reason);
  };

  socket.on('close', stop);
  socket.on('error', () => {}); // ws closes by itself (e.g. 1009 for a part over maxPayload)
  socket.on('message', (data, isBinary) => {
    if (closed) return;
    const part = Buffer.isBuffer(data) ? data : Buffer.concat(data);
    if (!isBinary) return fail(1002, 'text message in place of a binary part');
    if (part.length < HEADER) return fail(1002, 'part shorter than the 20-byte header');
    if (part[0] !== 0x57 || part[1] !== 0x4c) return fail(1002, 'wrong magic');
    if (part[2] !== 1) return fail(1002, 'unsupported version');
    const flags = part[3];
    if (flags & ~TEXT) return fail(1002, 'reserved flag bits set');
    const id = part.readUInt32BE(4);
    const index = part.readUInt32BE(8);
    const count = part.readUInt32BE(12);
    const total = part.readUInt32BE(16);
    if (count === 0 || count > Math.max(1, total)) return fail(1002, 'part count 0 or above the total length');
    if (index >= count) return fail(1002, 'part index >= count');
    if (total > cap) return fail(1009, `message of ${total} bytes over the cap of ${cap}`);

    let message = pending.get(id);
    if (message) {
      if (message.flags !== flags || message.count !== count || message.total !== total) {
        return fail(1002, `part ${index} of message ${id} disagrees with earlier parts`);
      }
      if (message.parts.has(index)) return fail(1002, `duplicate part ${index} of message ${id}`);
    } else {
      message = { flags, count, total, parts: new Map(), bytes: 0, timer: null };
      if (count > 1) {
        if (pendingTotal + total > pendingCap) return fail(1009, `incomplete messages over ${pendingCap} bytes`);
        pendingTotal += total;
        pending.set(id, message);
        message.timer = setTimeout(() => forget(id), timeoutMs);
      }
    }

    const chunk = part.subarray(HEADER);
    if (message.bytes + chunk.length > total) return fail(1002, `message ${id} has data beyond its total`);
    message.parts.set(index, chunk);
    message.bytes += chunk.length;
    if (message.parts.size < count) return;

    if (pending.has(id)) forget(id);
    if (message.bytes !== total) return fail(1002, `message ${id} is shorter than its total`);
    const whole = Buffer.concat([...message.parts.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]));
    const text = (flags & TEXT) !== 0;
    if (text) {
      try { new TextDecoder('utf-8', { fatal: true }).decode(whole); } catch { return fail(1007, `message ${id} is not UTF-8`); }
    }
    const sha256 = crypto.createHash('sha256').update(whole).digest('hex');
    socket.send(JSON.stringify({ id, bytes: whole.length, sha256, text }));
  });
});
