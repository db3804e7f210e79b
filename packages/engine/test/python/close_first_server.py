"""Seed 004's server, which does not set SO_REUSEADDR, closing first: it accepts one client, closes
that connection and its listening socket at once, so its side of the connection ends in TIME_WAIT.
argv[1]: the port (0: the OS picks). Prints the port, then 'closed'."""
import socket
import sys

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind(('127.0.0.1', int(sys.argv[1])))
    s.listen()
    print(s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    conn.close()
print('closed', flush=True)
