"""A Python websockets server for the interop tests, on 127.0.0.1 at a free port (printed as "READY port").

Arguments: the max_size limit in bytes, or "default" for the library's own (1 MiB); then "deflate" to accept
permessage-deflate.
Each whole message is answered with a text report: {"bytes": N, "sha256": "..."}.
"""
import asyncio
import hashlib
import json
import sys

import websockets


async def report(websocket, path=None):
    async for message in websocket:
        data = message.encode("utf-8") if isinstance(message, str) else message
        await websocket.send(json.dumps({"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}))


async def main():
    limit = sys.argv[1] if len(sys.argv) > 1 else "default"
    options = {} if limit == "default" else {"max_size": int(limit)}
    compression = "deflate" if sys.argv[2:3] == ["deflate"] else None
    async with websockets.serve(report, "127.0.0.1", 0, compression=compression, **options) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        print(f"READY {port}", flush=True)
        await asyncio.Future()


asyncio.run(main())
