"""Seed 002's Cliente.enviar() framing (padded to 60 bytes, 4-byte big-endian length) around raw
message bytes, one message at a time, and its recibir() reads of the answer, kept as raw bytes.
argv: port, then each message as hex. Prints the answers as hex, in order, as JSON."""
import json
import socket
import sys

s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5)
answers = []
for message in sys.argv[2:]:
    bytes_mensaje = bytes.fromhex(message)
    while len(bytes_mensaje) % 60 != 0:
        bytes_mensaje += b'\x00'
    s.sendall(len(bytes_mensaje).to_bytes(4, byteorder='big') + bytes_mensaje)
    largo_bytes_mensaje = s.recv(4)
    largo_mensaje = int.from_bytes(largo_bytes_mensaje, byteorder='big')
    bytes_recibidos = bytearray()
    while len(bytes_recibidos) < largo_mensaje:
        bytes_recibidos += s.recv(60)
    answers.append((largo_bytes_mensaje + bytes_recibidos).hex())
s.close()
print(json.dumps(answers))
