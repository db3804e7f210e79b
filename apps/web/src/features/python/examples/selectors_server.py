# An echo server for several clients at once, without threads: selectors tells which socket is
# ready, and only that one is read. Argument: the port (default 65432).
import selectors
import socket
import sys

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 65432
sel = selectors.DefaultSelector()

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.bind(('127.0.0.1', PORT))
server.listen()
sel.register(server, selectors.EVENT_READ)
print('Listening on', server.getsockname())

while True:
    for key, _ in sel.select():
        sock = key.fileobj
        if sock is server:
            conn, address = server.accept()
            print('Connected by', address)
            sel.register(conn, selectors.EVENT_READ)
            continue
        data = sock.recv(1024)
        if data:
            sock.sendall(data)
        else:
            print('Closed by', sock.getpeername())
            sel.unregister(sock)
            sock.close()
