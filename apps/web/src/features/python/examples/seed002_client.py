# The client of seed 002 ("Ayudantía 7: Networking") without its listening thread, which the
# browser's Python cannot start: it sends one message and reads the answer in the same thread.
# Messages are JSON, padded with b'\x00' to a multiple of 60 bytes, after their length (4 bytes,
# big endian). Its server: the playground's framed-JSON server. Argument: the port (seed's: 5000).
import json
import socket
import sys

port = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
socket_cliente = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
socket_cliente.connect(('localhost', port))

bytes_mensaje = json.dumps('hola').encode('utf-8')
while len(bytes_mensaje) % 60 != 0:
    bytes_mensaje += b'\x00'
largo_bytes_mensaje = len(bytes_mensaje).to_bytes(4, byteorder='big')
socket_cliente.sendall(largo_bytes_mensaje + bytes_mensaje)

largo_mensaje = int.from_bytes(socket_cliente.recv(4), byteorder='big')
recibido = bytearray()
while len(recibido) < largo_mensaje:
    recibido += socket_cliente.recv(60)
print('Mensaje recibido:', json.loads(recibido.strip(b'\x00')))
socket_cliente.close()
