"""Serving an ASGI app with uvicorn, in one process or several sharing one socket.

With more than one worker, uvicorn's parent process binds and listens on the socket and
each worker accepts from it. Two things about that are set right here:

- uvicorn makes the listener as socket.socket(family), with protocol 0. asyncio turns
  Nagle's algorithm off (TCP_NODELAY) only on sockets whose protocol reads IPPROTO_TCP,
  and accepted connections inherit the listener's, so every response written in two
  parts (headers, then body) waited out the client's delayed ACK: about 40 ms a request.
  The listener made here says what it is.
- a worker's event loop accepts, each time the listener is ready, up to `backlog`
  waiting connections (2,048): whichever worker woke first took a client's whole burst
  of connections and, with keep-alive, kept them, so two workers often served as one.
  Workers here accept ACCEPTS_PER_TURN at a time, so the next connection goes to the
  worker that is free to take it.
"""

from __future__ import annotations

import copy
import socket
import sys
from multiprocessing.reduction import DupFd, register
from typing import Any

import uvicorn
from uvicorn.supervisors import Multiprocess

STARTUP_FAILURE = 3  # uvicorn's own exit status when the app fails to start
ACCEPTS_PER_TURN = 1


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
    listener = tcp_listener(config.bind_socket())
    listener.listen(config.backlog)  # the queue's length, before workers take it as a count
    listener = SharedListener.of(listener)
    workers_config = copy.copy(config)
    workers_config.backlog = ACCEPTS_PER_TURN
    Multiprocess(workers_config, sockets=[listener]).run()


class SharedListener(socket.socket):
    """A socket the parent process listens on already.

    asyncio calls listen(backlog) on a socket it is given to serve, and accepts up to
    `backlog` connections at a time: here that number sets the second alone, and the
    length of the queue stays as the parent set it.
    """

    @classmethod
    def of(cls, sock: socket.socket) -> SharedListener:
        """The same socket, as a SharedListener."""
        return cls(sock.family, sock.type, sock.proto, fileno=sock.detach())

    def listen(self, backlog: int = 0, /) -> None:
        """Leave the queue's length as it is."""


def _reduce_listener(sock: SharedListener) -> tuple[Any, tuple[Any, ...]]:
    # Workers are spawned: sockets reach them pickled, and come back plain sockets
    # unless their class says how to rebuild it.
    return _rebuild_listener, (DupFd(sock.fileno()), sock.family, sock.type, sock.proto)


def _rebuild_listener(fd: Any, family: int, kind: int, proto: int) -> SharedListener:
    return SharedListener(family, kind, proto, fileno=fd.detach())


register(SharedListener, _reduce_listener)


def tcp_listener(sock: socket.socket) -> socket.socket:
    """The same listening socket, labelled with the TCP protocol it runs."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto:
        return sock
    return socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
