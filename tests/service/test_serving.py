"""`sooth serve --workers N`: the shared listener, its Nagle's delay and its queue."""

from __future__ import annotations

import asyncio
import multiprocessing
import socket
from concurrent.futures import ProcessPoolExecutor

from service.serving import SharedListener, tcp_listener
from tests.own_loop import run_on_own_loop


def listener_as_uvicorn_binds_it() -> socket.socket:
    """A listening socket made the way uvicorn's Config.bind_socket makes one."""
    sock = socket.socket(family=socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


async def nodelay_of_accepted(listener: socket.socket) -> int:
    """TCP_NODELAY as asyncio leaves it on a connection accepted from `listener`."""
    accepted: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def on_connect(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        sock = writer.get_extra_info("socket")
        accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        writer.close()

    server = await asyncio.start_server(on_connect, sock=listener)
    async with server:
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        value = await asyncio.wait_for(accepted, timeout=10)
        writer.close()
    return value


def test_connections_on_the_labelled_listener_have_nodelay() -> None:
    assert run_on_own_loop(nodelay_of_accepted(tcp_listener(listener_as_uvicorn_binds_it()))) != 0


def test_the_unlabelled_listener_is_what_needed_it() -> None:
    # The reason for tcp_listener: should asyncio or uvicorn change, this tells.
    assert run_on_own_loop(nodelay_of_accepted(listener_as_uvicorn_binds_it())) == 0


def test_unix_sockets_are_left_alone() -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        assert tcp_listener(sock) is sock
    finally:
        sock.close()


def _kind_in_child(listener: socket.socket) -> str:
    return type(listener).__name__


def test_workers_receive_the_shared_listener_as_such() -> None:
    # Workers are spawned, so the listener reaches them pickled.
    listener = SharedListener.of(tcp_listener(listener_as_uvicorn_binds_it()))
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            assert pool.submit(_kind_in_child, listener).result(timeout=60) == "SharedListener"
    finally:
        listener.close()


def test_a_burst_of_connections_waits_in_the_queue_the_parent_made() -> None:
    # asyncio in a worker calls listen(1) to accept one connection a turn; the queue keeps
    # the length the parent listened with. Nobody accepts here: had the queue shrunk to
    # one, the third handshake would not complete in time.
    listener = tcp_listener(listener_as_uvicorn_binds_it())
    listener.listen(128)
    shared = SharedListener.of(listener)
    shared.listen(1)
    port = shared.getsockname()[1]
    clients = [socket.create_connection(("127.0.0.1", port), timeout=0.5) for _ in range(20)]
    for client in clients:
        client.close()
    shared.close()
