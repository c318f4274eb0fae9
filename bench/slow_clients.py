#!/usr/bin/env python3
"""Holds COUNT slow clients open against the app for SECONDS: each starts a
write (POST of an expense with its bearer token), sends part of its body,
then one byte every few seconds, and opens a new one when the server cuts it
off. Prints how many connections were opened and how many answers of each
status came back (408 for the ones cut off).

    bench/slow_clients.py BASE_URL PATH TOKEN COUNT SECONDS
"""

import asyncio
import collections
import json
import sys
import time
from urllib.parse import urlparse


async def slow_client(host, port, path, token, until, statuses, opened):
    body = json.dumps(
        {"amount": "1.00", "date": "2026-11-21", "description": "never finished " + "x" * 900}
    ).encode()
    while time.monotonic() < until:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError:
            statuses["connect failed"] += 1
            await asyncio.sleep(1)
            continue
        opened[0] += 1
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        writer.write(head + body[:10])
        sent = 10
        try:
            while time.monotonic() < until and sent < len(body) - 1:
                try:
                    line = await asyncio.wait_for(reader.readline(), timeout=5)
                except asyncio.TimeoutError:
                    writer.write(body[sent : sent + 1])
                    sent += 1
                    await writer.drain()
                    continue
                if line.startswith(b"HTTP/"):
                    statuses[line.split()[1].decode()] += 1
                else:
                    statuses["closed"] += 1
                break
        except (ConnectionError, OSError):
            statuses["reset"] += 1
        writer.close()


async def main():
    base, path, token, count, seconds = sys.argv[1:6]
    url = urlparse(base)
    until = time.monotonic() + float(seconds)
    statuses = collections.Counter()
    opened = [0]
    await asyncio.gather(
        *(
            slow_client(url.hostname, url.port, path, token, until, statuses, opened)
            for _ in range(int(count))
        )
    )
    answers = ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())) or "none"
    print(f"slow clients: {opened[0]} connections opened; answers: {answers}")


if __name__ == "__main__":
    asyncio.run(main())
