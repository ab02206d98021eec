'use strict';
// A Node ws server for the interop tests, on 127.0.0.1 at a free port (printed as "READY port").
// Arguments: maxPayload in bytes, or "default" for the library's own (100 MiB); then "deflate" to accept
// permessage-deflate.
// Each whole message is answered with a text report: {"bytes":N,"sha256":"..."}.
const crypto = require('crypto');
const { WebSocketServer } = require('ws');

const limit = process.argv[2] || 'default';
const options = { host: '127.0.0.1', port: 0, path: '/ws', perMessageDeflate: process.argv[3] === 'deflate' };
if (limit !== 'default') options.maxPayload = Number(limit);

const server = new WebSocketServer(options);
server.on('listening', () => console.log(`READY ${server.address().port}`));
server.on('connection', (socket) => {
  socket.on('message', (data) => {
    const bytes = Buffer.isBuffer(data) ? data : Buffer.concat(data);
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    socket.send(JSON.stringify({ bytes: bytes.length, sha256 }));
  });
});
