#!/usr/bin/env python3
"""Writes a synthetic NMEA 0183 log (GGA + GSA + RMC at 1 Hz) for replay in demos and tests.

usage: make_nmea.py OUT LAT LON SECONDS HDOP SATELLITES [START_HHMMSS]
A walk of a few metres around LAT, LON; HDOP and satellite count as given.
"""
import math
import sys


def checksum(body: str) -> str:
    c = 0
    for ch in body:
        c ^= ord(ch)
    return f"{c:02X}"


def sentence(body: str) -> str:
    return f"${body}*{checksum(body)}\r\n"


def dm(value: float, lat: bool) -> tuple:
    hemi = ("N" if value >= 0 else "S") if lat else ("E" if value >= 0 else "W")
    value = abs(value)
    deg = int(value)
    minutes = (value - deg) * 60
    return (f"{deg:02d}{minutes:07.4f}" if lat else f"{deg:03d}{minutes:07.4f}"), hemi


def main() -> None:
    out, lat0, lon0, seconds, hdop, sats = sys.argv[1:7]
    start = sys.argv[7] if len(sys.argv) > 7 else "020000"
    lat0, lon0, seconds, hdop, sats = float(lat0), float(lon0), int(seconds), float(hdop), int(sats)
    h, m, s = int(start[0:2]), int(start[2:4]), int(start[4:6])
    with open(out, "w", newline="") as f:
        for i in range(seconds):
            t = h * 3600 + m * 60 + s + i
            hhmmss = f"{t // 3600 % 24:02d}{t // 60 % 60:02d}{t % 60:02d}.00"
            # A slow circle of ~3 m radius: a person standing at a village pond.
            lat = lat0 + 0.000027 * math.sin(i / 10)
            lon = lon0 + 0.000032 * math.cos(i / 10)
            la, ns = dm(lat, True)
            lo, ew = dm(lon, False)
            quality = 1 if sats >= 4 else 0
            f.write(sentence(f"GPGGA,{hhmmss},{la},{ns},{lo},{ew},{quality},{sats:02d},{hdop:.1f},152.0,M,-21.0,M,,"))
            f.write(sentence(f"GPGSA,A,{3 if quality else 1},,,,,,,,,,,,,{hdop * 1.6:.1f},{hdop:.1f},{hdop * 1.2:.1f}"))
            status = "A" if quality else "V"
            f.write(sentence(f"GPRMC,{hhmmss},{status},{la},{ns},{lo},{ew},0.0,0.0,231126,,,A"))


if __name__ == "__main__":
    main()
