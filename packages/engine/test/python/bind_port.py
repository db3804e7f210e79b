"""Seed 004's bind() and listen(): argv[1] the port; argv[2] `reuse` sets SO_REUSEADDR first, as
the seeds do not. Prints "ok" or the error's name (EADDRINUSE) as JSON, then closes."""
import errno
import json
import socket
import sys

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
if len(sys.argv) > 2 and sys.argv[2] == 'reuse':
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(('127.0.0.1', int(sys.argv[1])))
    s.listen()
    print(json.dumps('ok'))
except OSError as error:
    print(json.dumps(errno.errorcode.get(error.errno, str(error))))
finally:
    s.close()
