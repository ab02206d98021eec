"""A Python websockets server that reassembles split messages (docs/chunking-protocol.md), on 127.0.0.1 at a free
port (printed as "READY port").

Arguments: the max_size limit in bytes (per message); the reassembly cap in bytes (largest total of one message; the
pending cap is 4 times it); optionally the timeout for incomplete messages in ms (default 30000).
Each reassembled message is answered with a text report: {"id": N, "bytes": N, "sha256": "...", "text": bool}.
Protocol violations close the connection: 1002 (protocol error), 1007 (bad UTF-8), 1009 (over a cap).
"""
import asyncio
import hashlib
import json
import struct
import sys

import websockets

MAX_SIZE = int(sys.argv[1])
CAP = int(sys.argv[2])
PENDING_CAP = 4 * CAP
TIMEOUT = int(sys.argv[3]) / 1000 if len(sys.argv) > 3 else 30.0
HEADER = struct.Struct(">2sBBIIII")  # magic, version, flags, id, index, count, total: 20 bytes
TEXT = 0x01


class ProtocolViolation(Exception):
    def __init__(self, code, reason):
        super().__init__(reason)
        self.code, self.reason = code, reason


class Reassembler:
    """The incomplete messages of one connection."""

    def __init__(self):
        self.pending = {}  # id -> {"flags", "count", "total", "parts": {index: data}, "bytes", "timer"}
        self.pending_total = 0

    def forget(self, message_id):
        message = self.pending.pop(message_id)
        message["timer"].cancel()
        self.pending_total -= message["total"]

    def clear(self):
        for message_id in list(self.pending):
            self.forget(message_id)

    def add(self, part):
        """Takes one part; returns (id, whole message, is text) when it completes one, else None."""
        if isinstance(part, str):
            raise ProtocolViolation(1002, "text message in place of a binary part")
        if len(part) < HEADER.size:
            raise ProtocolViolation(1002, "part shorter than the 20-byte header")
        magic, version, flags, message_id, index, count, total = HEADER.unpack_from(part)
        if magic != b"WL":
            raise ProtocolViolation(1002, "wrong magic")
        if version != 1:
            raise ProtocolViolation(1002, "unsupported version")
        if flags & ~TEXT:
            raise ProtocolViolation(1002, "reserved flag bits set")
        if count == 0 or count > max(1, total):
            raise ProtocolViolation(1002, "part count 0 or above the total length")
        if index >= count:
            raise ProtocolViolation(1002, "part index >= count")
        if total > CAP:
            raise ProtocolViolation(1009, f"message of {total} bytes over the cap of {CAP}")

        message = self.pending.get(message_id)
        if message is not None:
            if (message["flags"], message["count"], message["total"]) != (flags, count, total):
                raise ProtocolViolation(1002, f"part {index} of message {message_id} disagrees with earlier parts")
            if index in message["parts"]:
                raise ProtocolViolation(1002, f"duplicate part {index} of message {message_id}")
        else:
            message = {"flags": flags, "count": count, "total": total, "parts": {}, "bytes": 0, "timer": None}
            if count > 1:
                if self.pending_total + total > PENDING_CAP:
                    raise ProtocolViolation(1009, f"incomplete messages over {PENDING_CAP} bytes")
                self.pending_total += total
                self.pending[message_id] = message
                message["timer"] = asyncio.get_running_loop().call_later(TIMEOUT, self.forget, message_id)

        data = part[HEADER.size:]
        if message["bytes"] + len(data) > total:
            raise ProtocolViolation(1002, f"message {message_id} has data beyond its total")
        message["parts"][index] = data
        message["bytes"] += len(data)
        if len(message["parts"]) < count:
            return None

        if message_id in self.pending:
            self.forget(message_id)
        if message["bytes"] != total:
            raise ProtocolViolation(1002, f"message {message_id} is shorter than its total")
        whole = b"".join(message["parts"][i] for i in range(count))
        is_text = bool(flags & TEXT)
        if is_text:
            try:
                whole.decode("utf-8")
            except UnicodeDecodeError:
                raise ProtocolViolation(1007, f"message {message_id} is not UTF-8") from None
        return message_id, whole, is_text


async def reassemble(websocket, path=None):
    parts = Reassembler()
    try:
        async for part in websocket:
            complete = parts.add(part)
            if complete is not None:
                message_id, whole, is_text = complete
                report = {"id": message_id, "bytes": len(whole), "sha256": hashlib.sha256(whole).hexdigest(),
                          "text": is_text}
                await websocket.send(json.dumps(report))
    except ProtocolViolation as violation:
        await websocket.close(violation.code, violation.reason)
    except websockets.ConnectionClosed:
        pass  # e.g. the library's own 1009 for a part over max_size
    finally:
        parts.clear()


async def main():
    async with websockets.serve(reassemble, "127.0.0.1", 0, max_size=MAX_SIZE, compression=None) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(f"READY {port}", flush=True)
        await asyncio.Future()


asyncio.run(main())
