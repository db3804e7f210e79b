# socket_client.py from seed 000 ("How the Internet works"), with only the Python 3 fixes:
# print() is a function, the message is encoded to bytes, and the `while` line gets its colon.
# Usage: python3 seed000_echo_client.py "message" [port]   (the seed's port is 12345)
import socket
import sys

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

port = int(sys.argv[2]) if len(sys.argv) > 2 else 12345
server_address = ('localhost', port)
sock.connect(server_address)

try:
    msg = sys.argv[1].encode()
    sock.sendall(msg)

    received = 0
    msg_len = len(msg)

    while received < msg_len:
        data = sock.recv(16)
        print(data)
        received += len(data)
finally:
    sock.close()
