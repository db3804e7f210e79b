"""Accepts clients one by one, answers each (argv[2], if given, e.g. bye) and closes. argv[1] `read`:
reads what the client sent first, so the close is an ordinary FIN; `unread`: waits 100 ms and closes
with the client's bytes unread, so the kernel resets the connection (RST) instead.
Prints its port, then serves until killed."""
import socket
import sys
import time

read = sys.argv[1] == 'read'
answer = sys.argv[2].encode() if len(sys.argv) > 2 else b''
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(('127.0.0.1', 0))
sock.listen()
print(sock.getsockname()[1], flush=True)
while True:
    conn, _ = sock.accept()
    if read:
        conn.recv(1024)
    else:
        time.sleep(0.1)
    if answer:
        conn.sendall(answer)
    conn.close()
