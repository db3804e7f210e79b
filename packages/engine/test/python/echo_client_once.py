"""Sends the seeds' 55-byte message and calls recv(1024) once, as seed 003's client does; then reads
the rest so the server is never reset. argv: port, runs. Prints the first recv()'s sizes as JSON."""
import json
import socket
import sys
import time

port, runs = int(sys.argv[1]), int(sys.argv[2])
message = b'hola mundo, this is a message longer than sixteen bytes'
sizes = []
for _ in range(runs):
    with socket.create_connection(('127.0.0.1', port), timeout=5) as s:
        s.sendall(message)
        data = s.recv(1024)
        sizes.append(len(data))
        got = len(data)
        while got < len(message):
            got += len(s.recv(1024))
    time.sleep(0.01)
print(json.dumps(sizes))
