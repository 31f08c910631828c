"""`sooth serve --workers N`: the workers' sockets on one port, and Nagle's delay on them."""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
import select
import socket
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.reduction import ForkingPickler

import pytest

from service.serving import SharedPort, serve
from tests.own_loop import run_on_own_loop


def listener_as_uvicorn_binds_it() -> socket.socket:
    """A listening socket made the way uvicorn's Config.bind_socket makes one."""
    sock = socket.socket(family=socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def as_a_worker_gets_it(port: SharedPort) -> socket.socket:
    """The socket a spawned worker makes of the shared port it is handed."""
    received: socket.socket = pickle.loads(ForkingPickler.dumps(port))
    return received


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


def test_connections_on_a_worker_s_socket_have_nodelay() -> None:
    shared = SharedPort.at("127.0.0.1", 0)
    try:
        assert run_on_own_loop(nodelay_of_accepted(as_a_worker_gets_it(shared))) != 0
    finally:
        shared.close()


def test_the_unlabelled_listener_is_what_needed_it() -> None:
    # Why worker sockets say IPPROTO_TCP: should asyncio or uvicorn change, this tells.
    assert run_on_own_loop(nodelay_of_accepted(listener_as_uvicorn_binds_it())) == 0


def _socket_in_worker(port: SharedPort) -> tuple[str, int, int]:
    sock: socket.socket = port  # unpickled in the spawned process: the worker's own socket
    reuse = sock.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT)
    return type(sock).__name__, sock.getsockname()[1], reuse


def test_a_spawned_worker_gets_a_socket_of_its_own_on_the_shared_port() -> None:
    shared = SharedPort.at("127.0.0.1", 0)
    try:
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            kind, port, reuse = pool.submit(_socket_in_worker, shared).result(timeout=60)
        assert (kind, port, reuse) == ("socket", shared.getsockname()[1], 1)
    finally:
        shared.close()


def test_new_connections_spread_over_the_workers_sockets() -> None:
    # The kernel picks a worker's queue by each connection's addresses: of 40 connections,
    # all going to one of two workers would happen once in 2**39 runs.
    shared = SharedPort.at("127.0.0.1", 0)
    workers = [as_a_worker_gets_it(shared) for _ in range(2)]
    for worker in workers:
        worker.listen(64)
    port = shared.getsockname()[1]
    clients = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(40)]
    accepted = [0, 0]
    try:
        while sum(accepted) < len(clients):
            ready, _, _ = select.select(workers, [], [], 5)
            assert ready, f"only {sum(accepted)} of {len(clients)} connections arrived"
            for sock in ready:
                connection, _ = sock.accept()
                connection.close()
                accepted[workers.index(sock)] += 1
    finally:
        for sock in (*clients, *workers, shared):
            sock.close()
    assert min(accepted) > 0, accepted


def test_a_taken_port_is_refused_in_words() -> None:
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        with pytest.raises(SystemExit, match=f"cannot serve on 127.0.0.1:{port}: Address"):
            serve("tests.bench.bare_app:create_app", host="127.0.0.1", port=port, workers=2)
    finally:
        taken.close()
