"""Seed 003's server loop without threads: accept() one client, echo it with recv(1024) until b'',
then the next. Prints its port, then one JSON line per recv(): which client, how many bytes."""
import json
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(('127.0.0.1', 0))
sock.listen()
print(sock.getsockname()[1], flush=True)
while True:
    conn, (host, port) = sock.accept()
    with conn:
        while True:
            data = conn.recv(1024)
            print(json.dumps({'client': port, 'recv': len(data)}), flush=True)
            if not data:
                break
            conn.sendall(data)
