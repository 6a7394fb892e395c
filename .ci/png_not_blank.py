#!/usr/bin/env python3
"""Fail unless every PNG given exists, decodes, and is not one flat colour (standard library only:
8-bit, non-interlaced, as bevy's screenshot writes)."""
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        (n,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    w, h, depth, colour, _, _, interlace = ihdr
    bpp = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour)
    if depth != 8 or bpp is None or interlace:
        raise ValueError(f"unexpected PNG format depth={depth} colour={colour}")
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, rows, bpp


bad = 0
for path in sys.argv[1:]:
    try:
        w, h, rows, bpp = pixels(path)
        colours = {row[i : i + min(bpp, 3)] for row in rows[:: max(1, h // 200)] for i in range(0, w * bpp, bpp)}
        if len(colours) < 3:
            raise ValueError(f"blank: {len(colours)} colour(s)")
        print(f"{path}: {w}x{h}, {len(colours)} colours sampled")
    except (OSError, ValueError, TypeError, zlib.error) as e:
        print(f"{path}: {e}", file=sys.stderr)
        bad += 1
sys.exit(1 if bad else 0)
