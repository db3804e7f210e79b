"""The learner's client after its server closed: sendall() until it fails, then recv(), and the
socket is still open. argv: port. Prints each call's outcome as JSON."""
import json
import socket
import sys
import time

s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)
steps = []
s.sendall(b'hola')
time.sleep(0.2)
for word in (b'uno', b'dos', b'tres'):
    try:
        s.sendall(word)
        steps.append('sent')
    except OSError as error:
        steps.append(type(error).__name__)
        break
    time.sleep(0.1)
steps.append(repr(s.recv(1024)))
steps.append('open' if s.fileno() != -1 else 'closed')
s.close()
print(json.dumps(steps))
