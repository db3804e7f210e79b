"""How the page's Python reaches the bridge: one blocking call per socket call (docs/python.md).

`call` hands a command to the page's main thread, which carries it out as the session's own
command and wakes this worker with the reply; errors come back as CPython raises them on Linux.
"""
import json
import sys

import _playground  # the worker's JavaScript side: call(), input(), sleep()

# Linux's numbers, as CPython on Linux prints them ([Errno 111] Connection refused).
ERRNO = {
    'EPERM': 1, 'EBADF': 9, 'EAGAIN': 11, 'EACCES': 13, 'EINVAL': 22, 'EPIPE': 32,
    'EDESTADDRREQ': 89, 'EMSGSIZE': 90, 'EAFNOSUPPORT': 97, 'EADDRINUSE': 98, 'EADDRNOTAVAIL': 99,
    'ENETUNREACH': 101, 'ECONNRESET': 104, 'EISCONN': 106, 'ENOTCONN': 107,
    'ETIMEDOUT': 110, 'ECONNREFUSED': 111, 'EHOSTUNREACH': 113, 'EALREADY': 114,
}
STRERROR = {
    'EBADF': 'Bad file descriptor', 'EAGAIN': 'Resource temporarily unavailable',
    'EACCES': 'Permission denied', 'EINVAL': 'Invalid argument', 'EPIPE': 'Broken pipe',
    'EDESTADDRREQ': 'Destination address required', 'EMSGSIZE': 'Message too long', 'EAFNOSUPPORT': 'Address family not supported by protocol',
    'EADDRINUSE': 'Address already in use', 'EADDRNOTAVAIL': 'Cannot assign requested address',
    'ENETUNREACH': 'Network is unreachable', 'ECONNRESET': 'Connection reset by peer',
    'EISCONN': 'Transport endpoint is already connected',
    'ENOTCONN': 'Transport endpoint is not connected', 'ETIMEDOUT': 'Connection timed out',
    'ECONNREFUSED': 'Connection refused', 'EHOSTUNREACH': 'No route to host',
}
EXCEPTION = {
    'ECONNREFUSED': ConnectionRefusedError, 'ECONNRESET': ConnectionResetError,
    'EPIPE': BrokenPipeError, 'EACCES': PermissionError, 'ETIMEDOUT': TimeoutError,
    'EAGAIN': BlockingIOError,
}

# Longest one wait in the bridge may be (MAX_WAIT_MS); a longer block asks again.
MAX_WAIT_MS = 30000


class gaierror(OSError):
    pass


def os_error(code, message=None):
    """The exception CPython raises for this errno name."""
    cls = EXCEPTION.get(code, OSError)
    return cls(ERRNO.get(code, 0), message or STRERROR.get(code, code))


def _exception(error, waiting):
    code = error.get('code', 'internal')
    if code == 'ETIMEDOUT' and waiting:
        return TimeoutError('timed out')
    if code == 'ENOTFOUND':
        return gaierror(-2, 'Name or service not known')
    if code in ERRNO:
        return os_error(code)
    if code == 'invalid_state' and 'is closed' in error.get('message', ''):
        return os_error('EBADF')
    # The playground's own refusals (target policy, quotas, class rules) in its own words.
    if code in ('not_allowed', 'quota'):
        return PermissionError(ERRNO['EACCES'], 'Socket Playground: ' + error.get('message', code))
    return OSError('Socket Playground: ' + error.get('message', code))


def call(command, waiting=False, fn=None, args='', made=None):
    """One command to the bridge; its result, or the exception Python would raise.

    `fn`, `args`: the learner's call this command carries out, sent with its line so that the page
    shows it as a traced program's call (docs/python.md); `made`: the line of the socket() call
    when the command makes the socket.
    """
    if fn is not None:
        site = {'fn': fn, 'args': _short(args)}
        for name, line in (('line', where()), ('made', made)):
            if line is not None:
                site[name] = line
        command = {**command, 'call': site}
    reply = json.loads(_playground.call(json.dumps({'op': 'command', 'command': command})))
    if reply.get('ok'):
        return reply['result']
    raise _exception(reply.get('error', {}), waiting)


def _short(text, most=200):
    return text if len(text) <= most else text[:most - 1] + '\u2026'


def data_args(data):
    """send(b'...') as written: the bytes' repr cut short."""
    data = bytes(data)
    return repr(data[:48]) + ('\u2026' if len(data) > 48 else '')


def where():
    """The learner's line behind a call: the innermost frame of main.py."""
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename != 'main.py':
        frame = frame.f_back
    return frame.f_lineno if frame is not None else None
