"""Three 5-byte writes 50 ms apart; then, on a line on stdin, shutdown(SHUT_WR), reads whatever the
server answers until b'', and closes. argv: port. Prints its own port (the server's peer) as JSON."""
import json
import socket
import sys
import time

s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)
print(json.dumps({'port': s.getsockname()[1]}), flush=True)
for _ in range(3):
    s.sendall(b'abcde')
    time.sleep(0.05)
print(json.dumps({'sent': 15}), flush=True)
sys.stdin.readline()
s.shutdown(socket.SHUT_WR)
while s.recv(1024):
    pass
s.close()
