"""Loaded by Python at start-up because `socket-playground trace` put this folder first on PYTHONPATH.

It starts the socket tracer (socket_playground_trace) when the trace command asked for it, then
runs the sitecustomize this one hides, if the Python installation has one (Debian's does), so the
learner's program starts exactly as it would without tracing.
"""
import os


def _start_tracer():
    if 'SOCKET_PLAYGROUND_TRACE_FD' not in os.environ:
        return
    try:
        import socket_playground_trace

        socket_playground_trace.install()
    except Exception as error:  # the learner's program must run even if tracing cannot
        try:
            os.write(2, ('[trace] the socket tracer could not start: %r\n' % (error,)).encode())
        except OSError:
            pass


def _run_hidden_sitecustomize():
    import importlib.machinery
    import importlib.util
    import sys

    here = os.path.dirname(os.path.abspath(__file__))
    others = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec('sitecustomize', others)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    sys.modules['sitecustomize'] = module
    spec.loader.exec_module(module)


_start_tracer()
_run_hidden_sitecustomize()
