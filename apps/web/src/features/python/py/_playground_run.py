"""Runs the learner's main.py in the page's Python, as `python3 main.py ARGS` would (docs/python.md)."""
import builtins
import sys
import time
import traceback

import _playground


class ThreadsNotAvailable(RuntimeError):
    """Python in the browser has one thread: a program that starts more gets this, in the page's language."""


def _install(threads_message):
    # The stdlib's socket, select and selectors give way to the bridge's (this folder comes first).
    for name in ('socket', 'select', 'selectors'):
        sys.modules.pop(name, None)

    def no_threads(*args, **kwargs):
        raise ThreadsNotAvailable(threads_message)

    import _thread
    import threading

    threading.Thread.start = no_threads
    _thread.start_new_thread = no_threads

    def sleep(seconds):
        if seconds < 0:
            raise ValueError('sleep length must be non-negative')
        _playground.sleep(float(seconds) * 1000)

    time.sleep = sleep

    def read_line(prompt=''):
        sys.stdout.write(str(prompt))
        sys.stdout.flush()
        line = _playground.input()
        if line is None:
            raise EOFError('EOF when reading a line')
        return line

    builtins.input = read_line


def _print_error(error):
    """The traceback CPython prints, with only the learner's frames (the bridge's module is not theirs)."""
    stack = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == 'main.py']
    lines = ['Traceback (most recent call last):\n'] if stack else []
    lines += traceback.format_list(stack)
    lines += traceback.format_exception_only(type(error), error)
    sys.stderr.write(''.join(lines))


def run(source, argv, threads_message):
    """The program's exit status: 0, SystemExit's code, or 1 after an uncaught exception."""
    _install(threads_message)
    with open('main.py', 'w', encoding='utf-8') as f:
        f.write(source)
    sys.argv = ['main.py', *argv]
    try:
        exec(compile(source, 'main.py', 'exec'), {'__name__': '__main__', '__file__': 'main.py'})
        return 0
    except SystemExit as e:
        if e.code is None or isinstance(e.code, int):
            return e.code or 0
        sys.stderr.write(f'{e.code}\n')
        return 1
    except BaseException as e:  # noqa: BLE001 - the program's own error, printed as Python would
        _print_error(e)
        return 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
