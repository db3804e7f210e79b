"""Seed 002's client calls: sendall(), then recv() until b'' or ConnectionResetError.
argv: port, runs. Prints, per run, what the recv() calls returned (RESET for the error), as JSON."""
import json
import socket
import sys

port, runs = int(sys.argv[1]), int(sys.argv[2])
outcomes = []
for _ in range(runs):
    s = socket.create_connection(('127.0.0.1', port), timeout=5)
    s.sendall(b'hello')
    seen = []
    try:
        while True:
            data = s.recv(1024)
            seen.append(data.decode())
            if not data:
                break
    except ConnectionResetError:
        seen.append('RESET')
    s.close()
    outcomes.append(seen)
print(json.dumps(outcomes))
