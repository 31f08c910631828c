"""Serving an ASGI app with uvicorn, in one process or several on one port.

With more than one worker, uvicorn's parent process binds a socket and hands it to the
workers. Two things about that are set right here:

- uvicorn makes its socket as socket.socket(family), with protocol 0. asyncio turns
  Nagle's algorithm off (TCP_NODELAY) only on sockets whose protocol reads IPPROTO_TCP,
  and accepted connections inherit the listener's, so every response written in two
  parts (headers, then body) waited out the client's delayed ACK: about 40 ms a request.
  The sockets made here say what they are.
- workers sharing one listening socket each accept, when it is ready, every connection
  waiting: whichever worker woke first took a client's whole burst of connections and,
  with keep-alive, kept them, so two workers often served as one. Here the parent only
  binds the port (SO_REUSEPORT), and each worker listens on a socket of its own on it:
  the kernel spreads new connections over the workers' queues by their addresses. (That
  is Linux's behaviour; other systems may hand every connection to one worker.)
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable
from multiprocessing.reduction import register
from typing import Any

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
    try:
        shared = SharedPort.at(host, port)
    except OSError as error:
        sys.exit(f"cannot serve on {host}:{port}: {error.strerror or error}")
    Multiprocess(config, sockets=[shared]).run()


def tcp_socket(family: int) -> socket.socket:
    """A TCP socket that may share its port with others of this user (SO_REUSEPORT)."""
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    return sock


class SharedPort(socket.socket):
    """The port the workers share, bound in the parent and never listened on.

    A taken port fails here, at once. Each worker, receiving this socket (pickled: the
    workers are spawned), gets a socket of its own bound to the same address instead,
    which asyncio listens on.
    """

    @classmethod
    def at(cls, host: str, port: int) -> SharedPort:
        """The port at host:port, bound for sharing."""
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = tcp_socket(family)
        sock.bind((host, port))
        return cls(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, fileno=sock.detach())


def _reduce_shared_port(sock: SharedPort) -> tuple[Callable[..., socket.socket], tuple[Any, ...]]:
    return worker_socket, (sock.family, sock.getsockname())


def worker_socket(family: int, address: tuple[Any, ...]) -> socket.socket:
    """A worker's own socket on the shared port, bound and not yet listening."""
    sock = tcp_socket(family)
    sock.bind(address)
    return sock


register(SharedPort, _reduce_shared_port)
