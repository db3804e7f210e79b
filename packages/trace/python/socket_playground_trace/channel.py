"""The pipe to the trace command: one JSON object per line, written whole under a lock."""
import json
import os
import sys
import threading
import time


def clock_ms():
    """The tracer's clock: the same monotonic clock for every record, in milliseconds."""
    return time.monotonic() * 1000.0


class Channel:
    def __init__(self, fd):
        self.fd = fd
        self.pid = os.getpid()
        # Re-entrant: the garbage collector may run a socket's finalizer while this thread writes.
        self.lock = threading.RLock()
        self.open = True
        try:
            os.set_inheritable(fd, False)
        except OSError:
            self.open = False

    def hello(self):
        version = '%d.%d.%d' % sys.version_info[:3]
        self.send({'hello': {'clock': clock_ms(), 'pid': self.pid, 'python': version}})

    def send(self, record):
        # A forked child shares the pipe but is not the traced process.
        if not self.open or os.getpid() != self.pid:
            return
        line = (json.dumps(record, separators=(',', ':'), ensure_ascii=False) + '\n').encode('utf-8')
        with self.lock:
            try:
                while line:
                    written = os.write(self.fd, line)
                    line = line[written:]
            except OSError:
                # The trace command is gone: the program goes on untraced.
                self.open = False
