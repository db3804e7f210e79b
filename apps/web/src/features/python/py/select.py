"""The page's `select` module: select.select() over the program's sockets (docs/python.md).

Only select() is offered, so `selectors.DefaultSelector` is its SelectSelector. Which sockets can
recv() or accept() comes from the bridge; a socket can always send (its writes wait in the
bridge), so every socket asked about for writing is ready at once.
"""
import time

from _playground_bridge import MAX_WAIT_MS, call
from socket import socket_for_fd

error = OSError


def _fd(obj):
    return obj if isinstance(obj, int) else obj.fileno()


def select(rlist, wlist, xlist, timeout=None):
    rlist, wlist = list(rlist), list(wlist)
    by_id = {}
    for obj in rlist:
        sock = socket_for_fd(_fd(obj))
        if sock is None:
            raise OSError(9, 'Bad file descriptor')
        if sock._id is not None:
            by_id.setdefault(sock._id, []).append(obj)
    if timeout is not None and timeout < 0:
        raise ValueError('timeout must be non-negative')
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        left = MAX_WAIT_MS if deadline is None else int(max(0.0, deadline - time.monotonic()) * 1000)
        wait = 0 if wlist else min(left, MAX_WAIT_MS)
        ready = []
        if by_id:
            ready = call({'type': 'socket.select', 'read': list(by_id), 'timeoutMs': wait})['ready']
        elif wait > 0:
            time.sleep(wait / 1000)
        readable = [obj for sid in ready for obj in by_id[sid]]
        if readable or wlist or (deadline is not None and left <= MAX_WAIT_MS):
            return readable, wlist, []
