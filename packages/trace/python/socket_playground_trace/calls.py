"""One describer per socket method: what the call was given and what came of it, as a trace record.

Each describer returns (record, repeat_key): the record's `op` (what the call is), `fn` (its name),
`args` (as written) and whatever it settled (addresses, bytes); `repeat_key` is set when the same
outcome may repeat in a loop (b'' again), so the run is reported sparingly (repeats.py)."""
import _socket
import socket

from . import describe
from .where import caller

_real = socket.socket
_PEEK_FLAGS = getattr(socket, 'MSG_PEEK', 0) | getattr(socket, 'MSG_DONTWAIT', 0)


def _arg(args, kwargs, index, name, default=None):
    if len(args) > index:
        return args[index]
    return kwargs.get(name, default)


def _addresses(sock, record):
    local = describe.own_address(sock, _real.getsockname)
    remote = describe.own_address(sock, _real.getpeername)
    if local:
        record['local'] = local
    if remote:
        record['remote'] = remote


def bind(tracer):
    def call(sock, state, args, kwargs, result, error):
        address = _arg(args, kwargs, 0, 'address')
        record = {'op': 'bind', 'fn': 'bind', 'args': describe.args_text([address])}
        requested = describe.endpoint(address, sock.family)
        if error is None:
            _addresses(sock, record)
        elif requested:
            record['local'] = requested
        return record, None

    return call


def listen(tracer):
    def call(sock, state, args, kwargs, result, error):
        backlog = _arg(args, kwargs, 0, 'backlog')
        record = {'op': 'listen', 'fn': 'listen', 'args': '' if backlog is None else repr(backlog)}
        if backlog is not None:
            record['backlog'] = backlog
        if error is None:
            _addresses(sock, record)
        return record, None

    return call


def accept(tracer):
    def call(sock, state, args, kwargs, result, error):
        record = {'op': 'accept', 'fn': 'accept', 'args': ''}
        if error is None:
            conn, address = result
            conn_state = tracer.track(conn, *caller())
            if conn_state is not None:
                record['newSock'] = conn_state.name
                record['result'] = describe.short('(<socket>, %r)' % (address,))
                _addresses(conn, record)
        return record, None

    return call


def connect(fn):
    def factory(tracer):
        def call(sock, state, args, kwargs, result, error):
            address = _arg(args, kwargs, 0, 'address')
            record = {'op': 'connect', 'fn': fn, 'args': describe.args_text([address])}
            wanted = describe.endpoint(address, sock.family)
            if fn == 'connect_ex' and error is None:
                record['result'] = repr(result)
                if result:
                    record['raised'] = describe.returned_errno(result)
            failed = error is not None or (fn == 'connect_ex' and result)
            if not failed:
                _addresses(sock, record)
            elif wanted:
                record['remote'] = wanted
            return record, None

        return call

    return factory


def send(fn):
    def factory(tracer):
        def call(sock, state, args, kwargs, result, error):
            data = _arg(args, kwargs, 0, 'data')
            rest = list(args[1:])
            size = len(data) if data is not None else 0
            record = {'op': 'send', 'fn': fn, 'args': describe.data_args(data or b'', rest), 'size': size}
            if fn == 'sendto':
                target = args[-1] if len(args) >= 2 else kwargs.get('address')
                peer = describe.endpoint(target, sock.family)
                if peer:
                    record['peer'] = peer
            if error is None:
                sent = size if fn == 'sendall' else int(result)
                record['n'] = sent
                record['data'] = describe.data_field(memoryview(data)[:sent])
                if fn != 'sendall':
                    record['result'] = repr(result)
            return record, None

        return call

    return factory


def recv(fn):
    def factory(tracer):
        def call(sock, state, args, kwargs, result, error):
            into = fn.endswith('_into')
            if into:
                buffer = _arg(args, kwargs, 0, 'buffer')
                asked = _arg(args, kwargs, 1, 'nbytes', 0) or len(buffer)
                record = {'op': 'recv', 'fn': fn, 'args': describe.buffer_args(buffer, args[1:]), 'size': asked}
            else:
                asked = _arg(args, kwargs, 0, 'bufsize', 0)
                record = {'op': 'recv', 'fn': fn, 'args': describe.args_text(args), 'size': asked}
            if error is not None:
                return record, None
            source = None
            if fn.startswith('recvfrom') or not state.stream:
                result, source = result
            if into:
                got = int(result)
                data = memoryview(buffer)[:got]
            else:
                data = result
                got = len(data)
            record['n'] = got
            record['data'] = describe.data_field(data)
            peer = describe.endpoint(source, sock.family) if source else None
            if peer:
                record['peer'] = peer
            if into:
                record['result'] = repr(got)
            if got == 0 and state.stream:
                state.eof = True
                return record, (fn, 'eof')
            return record, None

        if fn in ('recv', 'recv_into'):
            call.run = _datagram_source(fn)
        return call

    return factory


def _datagram_source(fn):
    """A UDP socket's recv() does not say who sent the datagram; recvfrom() reads the same datagram
    the same way and does. The program still gets exactly what its recv() returns."""
    real = getattr(_socket.socket, 'recvfrom' if fn == 'recv' else 'recvfrom_into')

    def run(method, sock, state, args, kwargs):
        if state.stream:
            result = method(sock, *args, **kwargs)
            return result, result
        value, source = real(sock, *args, **kwargs)
        return value, (value, source)

    return run


def shutdown(tracer):
    def call(sock, state, args, kwargs, result, error):
        name, direction = describe.shutdown_args(_arg(args, kwargs, 0, 'how'))
        record = {'op': 'shutdown', 'fn': 'shutdown', 'args': name}
        if direction:
            record['how'] = direction
        return record, None

    return call


def unread_bytes(sock, state):
    """Bytes waiting to be read on a connected TCP socket, looked at without taking them (MSG_PEEK)."""
    if not state.stream or state.eof or not _PEEK_FLAGS:
        return None
    try:
        _real.getpeername(sock)
        timeout = _real.gettimeout(sock)
        _real.settimeout(sock, 0.0)
        try:
            return len(_real.recv(sock, describe.MAX_DATA, _PEEK_FLAGS))
        finally:
            _real.settimeout(sock, timeout)
    except OSError:
        return None


def close(tracer):
    def before(sock, state):
        state.unread = None if state.closed else unread_bytes(sock, state)

    def call(sock, state, args, kwargs, result, error):
        # close() on a closed socket does nothing, and is not news.
        if state.closed:
            return None, None
        state.closed = True
        tracer.repeats.end(state)
        record = {'op': 'close', 'fn': 'close', 'args': ''}
        if state.unread is not None:
            record['unread'] = state.unread
        return record, None

    call.before = before
    return call


def option(fn, text):
    def factory(tracer):
        def call(sock, state, args, kwargs, result, error):
            return {'op': 'option', 'fn': fn, 'args': text(args)}, None

        return call

    return factory


DESCRIBERS = {
    'bind': bind,
    'listen': listen,
    'accept': accept,
    'connect': connect('connect'),
    'connect_ex': connect('connect_ex'),
    'send': send('send'),
    'sendall': send('sendall'),
    'sendto': send('sendto'),
    'recv': recv('recv'),
    'recv_into': recv('recv_into'),
    'recvfrom': recv('recvfrom'),
    'recvfrom_into': recv('recvfrom_into'),
    'shutdown': shutdown,
    'close': close,
    'setsockopt': option('setsockopt', lambda a: describe.option_args(*a) if len(a) == 3 else describe.args_text(a)),
    'settimeout': option('settimeout', describe.args_text),
    'setblocking': option('setblocking', describe.args_text),
}
