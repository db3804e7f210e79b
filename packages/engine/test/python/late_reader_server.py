"""A server that is busy: it accept()s one client, then calls recv(1024) only when told to (a line on
stdin), so whatever the client sent waits in the kernel. Prints its port, then the size of that
one recv() as JSON, then reads until the client closes."""
import json
import socket
import sys

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(('127.0.0.1', 0))
sock.listen()
print(sock.getsockname()[1], flush=True)
conn, _ = sock.accept()
print(json.dumps({'accepted': conn.getpeername()[1]}), flush=True)
sys.stdin.readline()
data = conn.recv(1024)
print(json.dumps({'recv': len(data)}), flush=True)
while conn.recv(1024):
    pass
conn.close()
