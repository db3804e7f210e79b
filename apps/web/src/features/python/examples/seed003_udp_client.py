# The UDP sender of seed 003 (the sockets lab), plus a recv(512) to read the echo back.
# Usage: python3 seed003_udp_client.py [port]   (the seed's port is 5005)
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 5005

udp_socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp_socket.bind(("localhost", 0))

data = b"Hola, mundo!"
udp_socket.sendto(data, ("localhost", PORT))

udp_socket.settimeout(5)
print(udp_socket.recv(512))
