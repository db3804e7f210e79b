"""Which line of the learner's code made a call: the innermost frame outside the libraries."""
import os
import site
import socket
import sys

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
# The socket module's own frames (accept() calls socket()) are never the line to show.
_SOCKET_MODULE = os.path.abspath(socket.__file__)


def _library_dirs():
    dirs = {os.path.dirname(os.__file__), _HERE[:-1]}
    for getter in ('getsitepackages', 'getusersitepackages'):
        try:
            found = getattr(site, getter)()
        except Exception:
            continue
        dirs.update([found] if isinstance(found, str) else found)
    return tuple(os.path.normcase(os.path.abspath(d)) + os.sep for d in dirs if d)


_LIBRARIES = _library_dirs()
_verdicts = {}
_shown = {}


def _is_library(filename):
    verdict = _verdicts.get(filename)
    if verdict is None:
        if filename.startswith('<'):
            # <stdin> and <string> are the learner's; <frozen ...> modules are Python's own.
            verdict = filename.startswith('<frozen')
        else:
            verdict = os.path.normcase(os.path.abspath(filename)).startswith(_LIBRARIES)
        _verdicts[filename] = verdict
    return verdict


def _is_tracer(filename):
    path = os.path.abspath(filename)
    return path == _SOCKET_MODULE or os.path.normcase(path).startswith(os.path.normcase(_HERE))


def shown(filename):
    """The file as the learner typed it: relative to the current folder when it is inside it."""
    name = _shown.get(filename)
    if name is None:
        name = filename
        if not filename.startswith('<'):
            try:
                relative = os.path.relpath(filename)
                if not relative.startswith(os.pardir):
                    name = relative
            except ValueError:
                pass
        _shown[filename] = name
    return name


def caller():
    """(file, line) of the learner's code that led to this call, or (None, None)."""
    frame = sys._getframe(1)
    first = None
    while frame is not None:
        filename = frame.f_code.co_filename
        if not _is_tracer(filename):
            if first is None:
                first = frame
            if not _is_library(filename):
                return shown(filename), frame.f_lineno
        frame = frame.f_back
    if first is not None:
        return shown(first.f_code.co_filename), first.f_lineno
    return None, None
