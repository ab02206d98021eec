'use strict';
// A real Node ws client for the interop tests. A JSON file, named by the one argument, says what to send; one JSON
// line on stdout says what happened: how the connection closed, what was sent, and any text messages it got back.
//
//   {"url": "ws://127.0.0.1:5000/ws", "messages": [{"text": "héllo", "frameBytes": 3}], "flood": null}
//   {"url": "...", "flood": {"frameBytes": 65536, "maxBytes": 67108864}}
//
// "messages" are sent in order, each as one message split into frames of frameBytes (text: UTF-8 bytes, so a
// character may be split across frames; or "bytes": n binary bytes). "flood" sends continuation frames without
// end, up to maxBytes, as a hostile client would, and stops when the server closes.
const fs = require('fs');
const WebSocket = require('ws');

const request = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const report = { closeCode: null, closeReason: '', bytesSent: 0, received: [] };
const socket = new WebSocket(request.url, { perMessageDeflate: false });

socket.on('message', (data, isBinary) => { if (!isBinary) report.received.push(data.toString('utf8')); });
socket.on('close', (code, reason) => {
  report.closeCode = code;
  report.closeReason = reason.toString('utf8');
  process.stdout.write(JSON.stringify(report) + '\n');
  process.exit(0);
});
socket.on('error', (error) => { report.error = String(error && error.message); });
socket.on('open', () => (request.flood ? flood(request.flood) : sendAll(request.messages || [])));

function sendFrames(payload, frameBytes, binary) {
  for (let offset = 0; offset === 0 || offset < payload.length; offset += frameBytes) {
    const frame = payload.subarray(offset, Math.min(offset + frameBytes, payload.length));
    const fin = offset + frameBytes >= payload.length;
    socket.send(frame, { binary, fin, compress: false });
    report.bytesSent += frame.length;
  }
}

function sendAll(messages) {
  for (const message of messages) {
    const binary = message.text === undefined;
    const payload = binary ? Buffer.alloc(message.bytes, 0x61) : Buffer.from(message.text, 'utf8');
    sendFrames(payload, message.frameBytes || payload.length || 1, binary);
  }
  if (request.closeAfterSend) socket.close(1000, 'done');
}

function flood({ frameBytes, maxBytes }) {
  const frame = Buffer.alloc(frameBytes, 0x62);
  const pump = () => {
    while (socket.readyState === WebSocket.OPEN && report.bytesSent < maxBytes) {
      socket.send(frame, { binary: true, fin: false, compress: false });
      report.bytesSent += frame.length;
      if (socket.bufferedAmount > 4 * frameBytes) {
        setTimeout(pump, 1);
        return;
      }
    }
  };
  pump();
}
