# socket_server.py from seed 000 ("How the Internet works"), with only the Python 3 fixes: print()
# is a function and the tutorial's send_all is the socket's sendall. The port may be given (0: the
# OS picks one); the seed's is 12345.
import socket
import sys

def process_connection(connection, client_address):
    try:
        print('conexión desde la dirección:', client_address)

        while True:
            data = connection.recv(16)
            if data:
                connection.sendall(data)
            else:
                break
    finally:
        connection.close()

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

port = int(sys.argv[1]) if len(sys.argv) > 1 else 12345
server_address = ('localhost', port)
sock.bind(server_address)

print('iniciando servidor en puerto', port)
sock.listen(1)

while True:
    connection, client_address = sock.accept()
    process_connection(connection, client_address)
