"""Seed 000's echo server: `data = connection.recv(16)` then `connection.sendall(data)`, a thread per client.

Prints its port, then serves until killed. argv[1]: the recv size (16).
"""
import socket
import sys
import threading

RECV = int(sys.argv[1]) if len(sys.argv) > 1 else 16


def process_connection(connection):
    try:
        while True:
            data = connection.recv(RECV)
            if data:
                connection.sendall(data)
            else:
                break
    except OSError:
        pass
    finally:
        connection.close()


sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.bind(('127.0.0.1', 0))
sock.listen(1)
print(sock.getsockname()[1], flush=True)
while True:
    connection, client_address = sock.accept()
    threading.Thread(target=process_connection, args=(connection,), daemon=True).start()
