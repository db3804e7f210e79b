"""Wraps socket.socket's methods: each call on a TCP or UDP socket is run as usual, then reported
with its arguments, what it returned or raised, how long it took, and the learner's line and thread.
Calls a wrapped call makes itself (accept() creating its socket) are not reported twice."""
import atexit
import socket
import threading
import time
import weakref

from . import describe
from .channel import clock_ms
from .repeats import Repeats
from .where import caller

_inside = threading.local()
_real = socket.socket


class SocketState:
    """What the tracer knows of one socket; the socket object itself is only weakly referenced."""

    __slots__ = ('name', 'stream', 'closed', 'eof', 'run', 'file', 'line', 'unread', '__weakref__')

    def __init__(self, name, stream, file, line):
        self.name = name
        self.stream = stream
        self.closed = False
        self.eof = False
        self.run = None
        self.file = file
        self.line = line
        self.unread = None


class Tracer:
    def __init__(self, channel):
        self.channel = channel
        self.sockets = weakref.WeakKeyDictionary()
        self.count = 0
        self.lock = threading.Lock()
        self.repeats = Repeats(channel.send)
        self.exiting = False

    # --- bookkeeping -------------------------------------------------------------------------
    def track(self, sock, file, line):
        kind = describe.traced_kind(sock)
        if kind is None:
            return None
        with self.lock:
            self.count += 1
            name = str(self.count)
        state = SocketState(name, kind[1] == 'stream', file, line)
        self.sockets[sock] = state
        finalizer = weakref.finalize(sock, self.collected, state)
        finalizer.atexit = False
        return state

    def collected(self, state):
        """The garbage collector closed a socket the program never closed itself."""
        if state.closed or self.exiting:
            return
        state.closed = True
        self.repeats.end(state)
        self.channel.send({'t': clock_ms(), 'sock': state.name, 'op': 'close', 'fn': 'close', 'args': '',
                           'gc': True, 'file': state.file, 'line': state.line,
                           'thread': threading.current_thread().name})

    def at_exit(self):
        self.exiting = True
        for sock, state in list(self.sockets.items()):
            self.repeats.end(state)
            if state.closed or sock.fileno() == -1:
                continue
            self.channel.send({'t': clock_ms(), 'sock': state.name, 'op': 'exit-open', 'fn': 'exit', 'args': '',
                               'file': state.file, 'line': state.line})

    # --- reporting ---------------------------------------------------------------------------
    def report(self, state, record, started, error, repeat_key=None):
        record['sock'] = state.name
        record['t'] = clock_ms()
        record['ms'] = round(record['t'] - started, 3)
        file, line = caller()
        if file is not None:
            record['file'] = file
            record['line'] = line
        record['thread'] = threading.current_thread().name
        if error is not None:
            record['raised'] = describe.exception(error)
            repeat_key = (record['fn'], line, type(error).__name__)
        self.repeats.record(state, repeat_key, record)

    def install(self):
        _install(self)
        atexit.register(self.at_exit)


def _traced(tracer, method, describe_call):
    """A wrapper of `method` that reports through `describe_call`; its `before`, if any, runs first
    (close() looks at the bytes still waiting before they are gone), and its `run`, if any, calls the
    method and says what the describer should see besides what the program gets."""
    before = getattr(describe_call, 'before', None)
    run = getattr(describe_call, 'run', None)

    def wrapper(self, *args, **kwargs):
        state = tracer.sockets.get(self)
        if state is None or getattr(_inside, 'depth', 0):
            return method(self, *args, **kwargs)
        _inside.depth = 1
        if before is not None:
            try:
                before(self, state)
            except Exception as problem:
                tracer.channel.send({'shimError': repr(problem)})
        started = clock_ms()
        try:
            if run is None:
                result = seen = method(self, *args, **kwargs)
            else:
                result, seen = run(method, self, state, args, kwargs)
        except BaseException as error:
            _inside.depth = 0
            _safely(tracer, describe_call, self, state, args, kwargs, None, error, started)
            raise
        _inside.depth = 0
        _safely(tracer, describe_call, self, state, args, kwargs, seen, None, started)
        return result

    wrapper.__name__ = method.__name__
    wrapper.__qualname__ = method.__qualname__
    wrapper.__doc__ = method.__doc__
    return wrapper


def _safely(tracer, describe_call, sock, state, args, kwargs, result, error, started):
    try:
        record, key = describe_call(sock, state, args, kwargs, result, error)
        if record is not None:
            tracer.report(state, record, started, error, key)
    except Exception as problem:  # a tracer bug must never break the learner's program
        tracer.channel.send({'shimError': repr(problem)})


def _install(tracer):
    from . import calls

    original_init = _real.__init__

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        original_init(self, family, type, proto, fileno)
        if getattr(_inside, 'depth', 0):
            return
        try:
            file, line = caller()
            state = tracer.track(self, file, line)
            if state is not None:
                kind = describe.traced_kind(self)
                record = {'op': 'socket', 'fn': 'socket', 'args': describe.socket_args(family, type, proto, fileno),
                          'family': kind[0], 'socktype': kind[1]}
                tracer.report(state, record, clock_ms(), None)
        except Exception as problem:
            tracer.channel.send({'shimError': repr(problem)})

    __init__.__doc__ = original_init.__doc__
    _real.__init__ = __init__
    for name, describe_call in calls.DESCRIBERS.items():
        method = getattr(_real, name, None)
        if method is not None:
            setattr(_real, name, _traced(tracer, method, describe_call(tracer)))
