"""Runs of the same outcome on one socket (recv() returning b'' in a loop, the same exception):
reported at their 1st, 2nd, 4th, 8th… call and once more at their end, so a program spinning in a
loop costs a handful of records while the count stays exact."""


class Run:
    __slots__ = ('key', 'count', 'last')

    def __init__(self, key):
        self.key = key
        self.count = 0
        self.last = None


def is_power_of_two(n):
    return n & (n - 1) == 0


class Repeats:
    def __init__(self, send):
        self.send = send

    def record(self, state, key, record):
        """Sends `record` unless it repeats `key` off a power of two. `key` None: not repeatable."""
        run = state.run
        if key is not None and run is not None and run.key == key:
            run.count += 1
            record['repeat'] = run.count
            run.last = record
            if is_power_of_two(run.count):
                self.send(record)
                run.last = None
            return
        self.end(state)
        if key is not None:
            state.run = Run(key)
            state.run.count = 1
        self.send(record)

    def end(self, state):
        """The run on this socket is over: its final count goes out if it was not just reported."""
        run = state.run
        state.run = None
        if run is not None and run.last is not None:
            self.send(run.last)
