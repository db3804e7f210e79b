"""Reports every call a Python program makes on its TCP and UDP sockets to Socket Playground's
trace command, with the program's own file, line and thread (see docs/trace.md in the playground).

The trace command starts the program with this folder on PYTHONPATH and a pipe on the descriptor
named by SOCKET_PLAYGROUND_TRACE_FD: one JSON object per line, the program's stdin, stdout and
stderr untouched. Works with Python 3.8 and newer; nothing outside the standard library.
"""
import os


def install():
    """Wraps socket.socket's methods; returns False when no trace command asked for it."""
    fd_text = os.environ.pop('SOCKET_PLAYGROUND_TRACE_FD', None)
    original_path = os.environ.pop('SOCKET_PLAYGROUND_PYTHONPATH', None)
    # Programs this one starts run as they would untraced: tracing is for this process only.
    if original_path is not None:
        if original_path:
            os.environ['PYTHONPATH'] = original_path
        else:
            os.environ.pop('PYTHONPATH', None)
    if fd_text is None:
        return False
    from .channel import Channel
    from .wrappers import Tracer

    channel = Channel(int(fd_text))
    channel.hello()
    Tracer(channel).install()
    return True
