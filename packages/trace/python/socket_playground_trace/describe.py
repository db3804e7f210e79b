"""How a call looks in the playground's log: arguments as the learner wrote them, shortened."""
import base64
import errno
import os
import socket

MAX_TEXT = 120
MAX_DATA = 64 * 1024

_FAMILIES = {socket.AF_INET: 'IPv4', socket.AF_INET6: 'IPv6'}
_TYPES = {socket.SOCK_STREAM: 'stream', socket.SOCK_DGRAM: 'dgram'}


# Options share numbers across protocols' names (SO_REUSEADDR is also SO_J1939_PROMISC): the ones
# the tutorials use are named first.
_COMMON = ('SO_REUSEADDR', 'SO_REUSEPORT', 'SO_KEEPALIVE', 'SO_RCVBUF', 'SO_SNDBUF', 'SO_BROADCAST',
           'SO_LINGER', 'SO_RCVTIMEO', 'SO_SNDTIMEO', 'TCP_NODELAY', 'TCP_KEEPIDLE', 'TCP_KEEPINTVL',
           'TCP_KEEPCNT', 'TCP_MAXSEG', 'IP_TTL', 'IP_MULTICAST_TTL', 'IP_TOS')


def _names(prefix):
    names = {}
    for name in list(_COMMON) + sorted(dir(socket)):
        value = getattr(socket, name, None)
        if name.startswith(prefix) and isinstance(value, int):
            names.setdefault(value, name)
    return names


_LEVELS = {socket.SOL_SOCKET: 'SOL_SOCKET', socket.IPPROTO_TCP: 'IPPROTO_TCP', socket.IPPROTO_IP: 'IPPROTO_IP'}
_OPTIONS = {
    'SOL_SOCKET': _names('SO_'),
    'IPPROTO_TCP': _names('TCP_'),
    'IPPROTO_IP': _names('IP_'),
}
_SHUTDOWN = {socket.SHUT_RD: ('SHUT_RD', 'read'), socket.SHUT_WR: ('SHUT_WR', 'write'), socket.SHUT_RDWR: ('SHUT_RDWR', 'both')}


def traced_kind(sock):
    """('IPv4' | 'IPv6', 'stream' | 'dgram') for the sockets the playground shows, else None."""
    family = _FAMILIES.get(sock.family)
    kind = _TYPES.get(sock.type)
    return (family, kind) if family and kind else None


def short(text):
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + '…'


def args_text(values):
    return short(', '.join(repr(v) for v in values))


def data_args(data, rest=()):
    """send(b'…') as written: the bytes' repr cut short, then any other arguments."""
    shown = repr(bytes(data[:48])) + ('…' if len(data) > 48 else '')
    return short(', '.join([shown] + [repr(v) for v in rest]))


def buffer_args(buffer, rest=()):
    return short(', '.join(['%s(%d)' % (type(buffer).__name__, len(buffer))] + [repr(v) for v in rest]))


def socket_args(family, kind, proto, fileno):
    parts = []
    for value, enum in ((family, socket.AddressFamily), (kind, socket.SocketKind)):
        if value == -1 or value is None:
            break
        try:
            parts.append(enum(value).name)
        except ValueError:
            parts.append(repr(value))
    if proto not in (-1, 0, None):
        parts.append(repr(proto))
    if fileno is not None:
        parts.append('fileno=%r' % (fileno,))
    return short(', '.join(parts))


def option_args(level, option, value):
    level_name = _LEVELS.get(level)
    option_name = _OPTIONS.get(level_name, {}).get(option) if level_name else None
    return short(', '.join([level_name or repr(level), option_name or repr(option), repr(value)]))


def shutdown_args(how):
    name, direction = _SHUTDOWN.get(how, (repr(how), None))
    return name, direction


def endpoint(address, family):
    """A Python address tuple as the protocol's endpoint, or None (a name not resolved, a path)."""
    if not isinstance(address, tuple) or len(address) < 2:
        return None
    host, port = address[0], address[1]
    if not isinstance(host, str) or not isinstance(port, int):
        return None
    return {'address': host or ('::' if family == socket.AF_INET6 else '0.0.0.0'), 'port': port,
            'family': 'IPv6' if family == socket.AF_INET6 else 'IPv4'}


def own_address(sock, getter):
    try:
        return endpoint(getter(sock), sock.family)
    except OSError:
        return None


def data_field(data):
    return base64.b64encode(bytes(data[:MAX_DATA])).decode('ascii')


def exception(error):
    """What a raised exception looks like in the log: its class, errno and message."""
    described = {'type': type(error).__name__, 'message': short(str(error) or type(error).__name__)}
    number = getattr(error, 'errno', None)
    if isinstance(number, int):
        described['errno'] = number
        if number in errno.errorcode:
            described['code'] = errno.errorcode[number]
    return described


def returned_errno(number):
    """connect_ex() returns an errno instead of raising; shown the same way, as an errno."""
    return {'type': 'errno', 'errno': number, 'code': errno.errorcode.get(number, str(number)),
            'message': short(os.strerror(number))}
