"""Connects, reads until b'' (the server closed first), then closes too. argv: port. Prints 'done'."""
import json
import socket
import sys

with socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5) as s:
    while s.recv(1024):
        pass
print(json.dumps('done'))
