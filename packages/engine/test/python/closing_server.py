"""Accepts clients one by one. argv[1] `fin`: reads what the client sent, then closes (FIN);
`unread`: closes 100 ms after accepting without reading (the kernel answers with RST).
Prints its port, then serves until killed."""
import socket
import sys
import time

fin = sys.argv[1] == 'fin'
sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(('127.0.0.1', 0))
sock.listen()
print(sock.getsockname()[1], flush=True)
while True:
    conn, _ = sock.accept()
    if fin:
        conn.recv(1024)
    else:
        time.sleep(0.1)
    conn.close()
