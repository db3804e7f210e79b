# The echo client of seed 001 ("What a socket is"), as written there; only the port can be given.
# Usage: python3 seed001_echo_client.py [port]   (the seed's port is 5346)
import socket
import sys

SHOST = '127.0.0.1'      # Server IP
SPORT = int(sys.argv[1]) if len(sys.argv) > 1 else 5346            # Server port

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((SHOST, SPORT))
    s.sendall(b"Hello world! This is an echo server made with python")
    data = s.recv(1024)

print('Data received by the server: ' + repr(data))
