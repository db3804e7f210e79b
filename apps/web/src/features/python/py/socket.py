"""The page's `socket` module: each call is the session's own bridge command (docs/python.md).

Sockets are real sockets of the bridge, `manual` ones: they read only when this program calls
recv() and accept only when it calls accept(), so what recv(N) returns here is exactly the bridge's
recv(N), shown on the page as the same event.
"""
import base64
import itertools
import time

from _playground_bridge import MAX_WAIT_MS, call, data_args, gaierror, os_error, where

AF_INET, AF_INET6 = 2, 10
SOCK_STREAM, SOCK_DGRAM = 1, 2
SOL_SOCKET, SO_REUSEADDR, SO_KEEPALIVE, SO_BROADCAST = 1, 2, 9, 6
IPPROTO_TCP, IPPROTO_UDP, TCP_NODELAY = 6, 17, 1
SHUT_RD, SHUT_WR, SHUT_RDWR = 0, 1, 2
_SHUT_NAMES = {SHUT_RD: 'SHUT_RD', SHUT_WR: 'SHUT_WR', SHUT_RDWR: 'SHUT_RDWR'}
SOMAXCONN = 4096
has_ipv6 = True
error = OSError
timeout = TimeoutError
herror = OSError
__all__ = ['socket', 'create_connection', 'gethostname', 'gethostbyname', 'timeout', 'error', 'gaierror']

_fds = itertools.count(3)
_by_fd = {}
_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(t):
    global _default_timeout
    _default_timeout = None if t is None else float(t)


def gethostname():
    return 'localhost'


def gethostbyname(name):
    return '127.0.0.1' if name in ('localhost', '') else name


def htons(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


ntohs = htons


def _endpoint(e, family):
    if e is None:
        return None
    if family == AF_INET6:
        return (e['address'], e['port'], 0, 0)
    return (e['address'], e['port'])


def _host(family, host):
    """An AF_INET socket resolves names to IPv4 only (localhost is 127.0.0.1), as CPython's does."""
    if host == '':
        return '::' if family == AF_INET6 else '0.0.0.0'
    if host == 'localhost':
        return '::1' if family == AF_INET6 else '127.0.0.1'
    return host


def _data(data):
    return {'encoding': 'base64', 'value': base64.b64encode(bytes(data)).decode()}


class socket:
    def __init__(self, family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None):
        if family not in (AF_INET, AF_INET6):
            raise os_error('EAFNOSUPPORT')
        if type not in (SOCK_STREAM, SOCK_DGRAM):
            raise OSError(94, 'Socket type not supported')
        self.family, self.type, self.proto = family, type, proto
        self._id = None
        self._info = None
        self._bound = None
        self._peer = None
        self._reuse = False
        self._timeout = _default_timeout
        self._fd = next(_fds)
        _by_fd[self._fd] = self
        self._made = where()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        state = '[closed] ' if self._fd < 0 else ''
        return f'<socket.socket {state}fd={self._fd}, family={self.family}, type={self.type}, proto={self.proto}>'

    def fileno(self):
        return self._fd

    def settimeout(self, value):
        self._timeout = None if value is None else float(value)

    def gettimeout(self):
        return self._timeout

    def setblocking(self, flag):
        self._timeout = None if flag else 0.0

    def setsockopt(self, level, option, value):
        if level == SOL_SOCKET and option == SO_REUSEADDR:
            self._reuse = bool(value)
        elif level == IPPROTO_TCP and option == TCP_NODELAY and self._id:
            call({'type': 'socket.setNoDelay', 'socketId': self._id, 'noDelay': bool(value)})

    def getsockopt(self, level, option):
        return int(self._reuse) if (level, option) == (SOL_SOCKET, SO_REUSEADDR) else 0

    def _check_open(self):
        if self._fd < 0:
            raise os_error('EBADF')

    def _adopt(self, result):
        self._info = result['socket']
        self._id = self._info['id']

    def bind(self, address):
        self._check_open()
        host, port = address[0], address[1]
        self._bound = (_host(self.family, host), port)
        if self.type == SOCK_DGRAM:
            command = {'type': 'udp.bind', 'host': self._bound[0], 'port': port, 'manual': True}
            self._adopt(call(command, fn='bind', args=repr(address), made=self._made))

    def listen(self, backlog=128):
        self._check_open()
        host, port = self._bound or (_host(self.family, ''), 0)
        command = {'type': 'tcp.listen', 'host': host, 'port': port, 'backlog': max(0, min(backlog, 4096))}
        command = {**command, 'reuseAddress': self._reuse, 'manual': True}
        self._adopt(call(command, fn='listen', args=str(backlog), made=self._made))

    def _wait(self, command, fn, args):
        """A blocking call, as long as the socket's timeout: a longer wait asks again every MAX_WAIT_MS."""
        deadline = None if self._timeout is None else time.monotonic() + self._timeout
        while True:
            left = MAX_WAIT_MS if deadline is None else int(max(0.0, deadline - time.monotonic()) * 1000)
            try:
                return call({**command, 'timeoutMs': min(left, MAX_WAIT_MS)}, waiting=True, fn=fn, args=args)
            except TimeoutError:
                if left <= MAX_WAIT_MS and deadline is not None:
                    raise

    def accept(self):
        self._check_open()
        try:
            info = self._wait({'type': 'socket.accept', 'socketId': self._id}, 'accept', '')['socket']
        except TimeoutError:
            if self._timeout == 0:
                raise os_error('EAGAIN') from None
            raise
        conn = socket(self.family, self.type)
        conn._info, conn._id = info, info['id']
        return conn, _endpoint(info.get('remote'), self.family)

    def connect(self, address):
        self._check_open()
        if self.type == SOCK_DGRAM:
            self._peer = (address[0], address[1])
            return
        t = self._timeout
        timeout_ms = 60000 if t is None else max(100, min(60000, int(t * 1000)))
        host = _host(self.family, address[0])
        command = {'type': 'tcp.connect', 'host': host, 'port': address[1], 'timeoutMs': timeout_ms}
        site = {'fn': 'connect', 'args': repr(address), 'made': self._made}
        self._adopt(call({**command, 'manual': True}, waiting=t is not None, **site))

    def connect_ex(self, address):
        try:
            self.connect(address)
            return 0
        except OSError as e:
            return e.errno or 11

    def _ensure_udp(self):
        if self._id is None:
            self._adopt(call({'type': 'udp.bind', 'host': _host(self.family, ''), 'port': 0, 'manual': True}))

    def send(self, data, flags=0, fn='send'):
        self._check_open()
        if self.type == SOCK_DGRAM:
            if self._peer is None:
                raise os_error('EDESTADDRREQ', 'Destination address required')
            return self._sendto(data, self._peer, fn)
        if self._id is None:
            raise os_error('ENOTCONN')
        command = {'type': 'socket.send', 'socketId': self._id, 'data': _data(data)}
        return call(command, fn=fn, args=data_args(data))['bytes']

    def sendall(self, data, flags=0):
        self.send(data, flags, 'sendall')

    def sendto(self, data, *args):
        return self._sendto(data, args[-1], 'sendto')

    def _sendto(self, data, address, fn):
        self._check_open()
        self._ensure_udp()
        to = {'host': _host(self.family, address[0]), 'port': address[1]}
        command = {'type': 'socket.send', 'socketId': self._id, 'data': _data(data), 'to': to}
        return call(command, fn=fn, args=f'{data_args(data)}, {address!r}')['bytes']

    def _recv(self, bufsize, fn):
        self._check_open()
        if self._id is None:
            if self.type == SOCK_STREAM:
                raise os_error('ENOTCONN')
            self._ensure_udp()
        try:
            command = {'type': 'socket.recv', 'socketId': self._id, 'max': max(1, min(bufsize, 65536))}
            got = self._wait(command, fn, str(bufsize))
        except TimeoutError:
            if self._timeout == 0:
                raise os_error('EAGAIN') from None
            raise
        return got['received']

    def recv(self, bufsize, flags=0):
        return base64.b64decode(self._recv(bufsize, 'recv')['data'])

    def recvfrom(self, bufsize, flags=0):
        got = self._recv(bufsize, 'recvfrom')
        return base64.b64decode(got['data']), _endpoint(got.get('from'), self.family)

    def shutdown(self, how):
        self._check_open()
        if how in (SHUT_WR, SHUT_RDWR) and self._id is not None:
            call({'type': 'tcp.end', 'socketId': self._id}, fn='shutdown', args=_SHUT_NAMES.get(how, str(how)))

    def close(self):
        if self._fd < 0:
            return
        if self._id is not None:
            try:
                call({'type': 'socket.close', 'socketId': self._id}, fn='close')
            except OSError:
                pass
        _by_fd.pop(self._fd, None)
        self._fd = -1

    def detach(self):
        raise OSError('Socket Playground: detach() is not available in the browser.')

    def getsockname(self):
        self._check_open()
        if self._info is None:
            return (*(self._bound or (_host(self.family, ''), 0)),)
        return _endpoint(self._info.get('local'), self.family)

    def getpeername(self):
        self._check_open()
        remote = self._info and self._info.get('remote') if self.type == SOCK_STREAM else None
        if remote is None:
            if self._peer is not None:
                return self._peer
            raise os_error('ENOTCONN')
        return _endpoint(remote, self.family)


SocketType = socket


def create_connection(address, timeout=None, source_address=None):
    family = AF_INET6 if ':' in address[0] else AF_INET
    s = socket(family, SOCK_STREAM)
    if timeout is not None:
        s.settimeout(timeout)
    s.connect(address)
    return s


def socket_for_fd(fd):
    """select(): the socket behind a file number."""
    return _by_fd.get(fd)
