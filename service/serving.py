"""Serving an ASGI app with uvicorn, in one process or several sharing one socket.

With more than one worker uvicorn binds the listening socket itself, as
socket.socket(family) with protocol 0. asyncio turns Nagle's algorithm off (TCP_NODELAY)
only on sockets whose protocol reads IPPROTO_TCP, and accepted connections inherit the
listener's, so every response written in two parts (headers, then body) waited out the
client's delayed ACK: about 40 ms a request. The listener made here says what it is.
"""

from __future__ import annotations

import socket
import sys

import uvicorn
from uvicorn.supervisors import Multiprocess

STARTUP_FAILURE = 3  # uvicorn's own exit status when the app fails to start


def serve(app: str, *, host: str, port: int, workers: int) -> None:
    """Serve the app factory at import path `app` on host:port until stopped."""
    config = uvicorn.Config(
        app,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="info",
        proxy_headers=True,
    )
    if workers == 1:
        server = uvicorn.Server(config)
        server.run()
        if not server.started:
            sys.exit(STARTUP_FAILURE)
        return
    Multiprocess(config, sockets=[tcp_listener(config.bind_socket())]).run()


def tcp_listener(sock: socket.socket) -> socket.socket:
    """The same listening socket, labelled with the TCP protocol it runs."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto:
        return sock
    return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
