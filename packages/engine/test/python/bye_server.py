"""Answers every client with b'bye' and closes. argv[1] `unread`: closes with the client's bytes
unread, so the kernel resets the connection (RST) instead of closing it (FIN); `read`: reads them
first, so the close is an ordinary FIN. Prints its port, then serves until killed."""
import socket
import sys
import time

unread = sys.argv[1] == 'unread'
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(('127.0.0.1', 0))
sock.listen()
print(sock.getsockname()[1], flush=True)
while True:
    conn, _ = sock.accept()
    if unread:
        time.sleep(0.05)
    else:
        conn.recv(1024)
    conn.sendall(b'bye')
    conn.close()
