import { DEFAULT_SENSOR_FIELDS, DEFAULT_SENSOR_FORMAT, SENSOR_ACK_FORMAT } from '@playground/protocol';

export interface PythonClientValues {
  transport: 'tcp' | 'udp';
  host: string;
  port: number;
  format: string;
  fields: readonly string[];
  rateHz: number;
  count: number;
  sensorId: number;
  ack: boolean;
}

/** What docs/examples/python/sensor_client.py is rendered with; a test keeps the two equal. */
export const PYTHON_DEFAULTS: PythonClientValues = {
  transport: 'udp',
  host: '127.0.0.1',
  port: 5005,
  format: DEFAULT_SENSOR_FORMAT,
  fields: DEFAULT_SENSOR_FIELDS,
  rateHz: 10,
  count: 50,
  sensorId: 1,
  ack: false,
};

const py = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The assignment of seed 003 as a learner would write it: socket, struct.pack, random readings and a
 * timer (time.sleep). The constants at the top are what the page is set to; every one of them can
 * also be given on the command line.
 */
export function pythonSensorClient(v: PythonClientValues): string {
  return `#!/usr/bin/env python3
# sensor_client.py - a sensor that sends random readings to a server, periodically,
# as binary records packed with struct (the assignment of seed 003), over TCP or UDP.
#
#   python3 sensor_client.py --transport ${v.transport} --port ${v.port} --rate ${v.rateHz} --count ${v.count}
#   (on Windows: py sensor_client.py …, with the same options)
#
# Our protocol: every record is struct.pack(FORMAT, *values), one value per name in FIELDS.
# '!' means network byte order (big endian) and standard sizes, so the server can decode it
# anywhere with struct.unpack(FORMAT, record). Records have a fixed size: calcsize(FORMAT).
# The server may answer each record with an acknowledgement packed as ACK_FORMAT:
# (seq, status), status 0 = in order, 1 = after a gap, 2 = late, 3 = duplicate.

import argparse
import random
import re
import socket
import struct
import time

HOST = ${py(v.host)}
PORT = ${v.port}
TRANSPORT = ${py(v.transport)}  # 'tcp' or 'udp'
FORMAT = ${py(v.format)}
FIELDS = [${v.fields.map(py).join(', ')}]
RATE = ${v.rateHz}  # records per second
COUNT = ${v.count}  # records to send
SENSOR_ID = ${v.sensorId}
ACK = ${v.ack ? 'True' : 'False'}  # wait for the server's acknowledgement of each record
ACK_FORMAT = ${py(SENSOR_ACK_FORMAT)}

temperature = 21.0
humidity = 55.0
battery = 100.0


def value_codes(fmt):
    """The struct code of every value in fmt: '!IIdffB' -> ['I', 'I', 'd', 'f', 'f', 'B']."""
    codes = []
    for count, code in re.findall(r'(\\d*)([xcbB?hHiIlLqQnNefdsp])', fmt):
        if code == 'x':
            continue
        if code in 'sp':
            codes.append(code)
        else:
            codes.extend(code * int(count or 1))
    return codes


def reading(name, seq):
    """A plausible random value for a field, chosen by its name."""
    global temperature, humidity, battery
    if name == 'seq':
        return seq
    if name in ('sensor_id', 'sensor', 'id'):
        return SENSOR_ID
    if name in ('timestamp', 'time', 'ts'):
        return time.time()
    if name in ('temperature', 'temp'):
        temperature = min(45.0, max(-10.0, temperature + random.uniform(-0.15, 0.15)))
        return temperature
    if name == 'humidity':
        humidity = min(100.0, max(0.0, humidity + random.uniform(-0.4, 0.4)))
        return humidity
    if name == 'battery':
        battery = max(0.0, battery - random.uniform(0, 0.02))
        return battery
    if name == 'pressure':
        return random.uniform(1005.0, 1020.0)
    return random.uniform(0, 100)


def fit(value, code):
    """struct.pack wants int for integer codes, bytes for c/s/p, bool for '?'."""
    if code in 'bBhHiIlLqQnN':
        return int(round(value))
    if code == '?':
        return value > 50
    if code == 'c':
        return bytes([97 + int(value) % 26])
    if code in 'sp':
        return str(int(value)).encode()
    return float(value)


def make_record(seq, codes):
    values = [fit(reading(name, seq), code) for name, code in zip(FIELDS, codes)]
    return struct.pack(FORMAT, *values)


def recv_exactly(s, size):
    """TCP is a byte stream: one recv() may return less than a whole acknowledgement."""
    data = b''
    while len(data) < size:
        chunk = s.recv(size - len(data))
        if not chunk:
            raise ConnectionError('the server closed the connection')
        data += chunk
    return data


def main():
    global HOST, PORT, TRANSPORT, FORMAT, FIELDS, RATE, COUNT, SENSOR_ID, ACK
    parser = argparse.ArgumentParser(description='A sensor sending struct-packed random readings.')
    parser.add_argument('--transport', choices=['tcp', 'udp'], default=TRANSPORT)
    parser.add_argument('--host', default=HOST)
    parser.add_argument('--port', type=int, default=PORT)
    parser.add_argument('--format', default=FORMAT)
    parser.add_argument('--fields', default=','.join(FIELDS), help='comma-separated names, one per value')
    parser.add_argument('--rate', type=float, default=RATE, help='records per second')
    parser.add_argument('--count', type=int, default=COUNT)
    parser.add_argument('--sensor-id', type=int, default=SENSOR_ID)
    parser.add_argument('--ack', action='store_true', default=ACK, help='wait for an acknowledgement of each record')
    args = parser.parse_args()
    HOST, PORT, TRANSPORT, FORMAT = args.host, args.port, args.transport, args.format
    FIELDS, RATE, COUNT, SENSOR_ID, ACK = args.fields.split(','), args.rate, args.count, args.sensor_id, args.ack

    codes = value_codes(FORMAT)
    if len(codes) != len(FIELDS):
        raise SystemExit(f'{FORMAT!r} packs {len(codes)} values but {len(FIELDS)} field names were given')
    size = struct.calcsize(FORMAT)
    print(f'Sending {COUNT} records of {size} bytes ({FORMAT}) over {TRANSPORT.upper()} to {HOST}:{PORT}')

    kind = socket.SOCK_STREAM if TRANSPORT == 'tcp' else socket.SOCK_DGRAM
    with socket.socket(socket.AF_INET, kind) as s:
        if TRANSPORT == 'tcp':
            s.connect((HOST, PORT))
        s.settimeout(1.0)
        for seq in range(COUNT):
            record = make_record(seq, codes)
            if TRANSPORT == 'tcp':
                s.sendall(record)
            else:
                s.sendto(record, (HOST, PORT))
            print(f'seq={seq} sent {record!r}')
            if ACK:
                ack_size = struct.calcsize(ACK_FORMAT)
                try:
                    if TRANSPORT == 'tcp':
                        answer = recv_exactly(s, ack_size)
                    else:
                        answer, _ = s.recvfrom(ack_size)
                    acked, status = struct.unpack(ACK_FORMAT, answer)
                    print(f'  ack seq={acked} status={status}')
                except socket.timeout:
                    print('  no ack within 1 s (lost?)')
            time.sleep(1 / RATE)


if __name__ == '__main__':
    main()
`;
}
