#!/usr/bin/env python3
"""Writes a synthetic NMEA 0183 log (GGA + GSA + RMC at 1 Hz) for replay in demos and tests.

usage: make_nmea.py OUT LAT LON SECONDS HDOP SATELLITES [START_HHMMSS]
                    [--lose-after N] [--lost-satellites K] [--date DDMMYY]

A walk of a few metres around LAT, LON; HDOP and satellite count as given. Qt Positioning turns
HDOP into an accuracy of 2 x HDOP x UERE metres (the app sets UERE = 5 m).

--lose-after N   the first N seconds have a fix, the rest have none: GGA quality 0 and RMC
                 status V with empty position fields, as receivers write it
--lost-satellites K   satellites reported in use while the fix is lost (default 0)
"""
import argparse
import math


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
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("lat", type=float)
    p.add_argument("lon", type=float)
    p.add_argument("seconds", type=int)
    p.add_argument("hdop", type=float)
    p.add_argument("satellites", type=int)
    p.add_argument("start", nargs="?", default="020000", help="HHMMSS of the first epoch (UTC)")
    p.add_argument("--lose-after", type=int, default=None, metavar="N",
                   help="seconds with a fix before it is lost for the rest of the log")
    p.add_argument("--lost-satellites", type=int, default=0, metavar="K")
    p.add_argument("--date", default="231126", help="DDMMYY in RMC")
    a = p.parse_args()

    h, m, s = int(a.start[0:2]), int(a.start[2:4]), int(a.start[4:6])
    with open(a.out, "w", newline="") as f:
        for i in range(a.seconds):
            t = h * 3600 + m * 60 + s + i
            hhmmss = f"{t // 3600 % 24:02d}{t // 60 % 60:02d}{t % 60:02d}.00"
            lost = a.lose_after is not None and i >= a.lose_after
            if lost:
                sats = a.lost_satellites
                f.write(sentence(f"GPGGA,{hhmmss},,,,,0,{sats:02d},,,M,,M,,"))
                f.write(sentence("GPGSA,A,1,,,,,,,,,,,,,,,"))
                f.write(sentence(f"GPRMC,{hhmmss},V,,,,,,,{a.date},,,N"))
                continue
            # A slow circle of ~3 m radius: a person standing at a village pond.
            lat = a.lat + 0.000027 * math.sin(i / 10)
            lon = a.lon + 0.000032 * math.cos(i / 10)
            la, ns = dm(lat, True)
            lo, ew = dm(lon, False)
            quality = 1 if a.satellites >= 4 else 0
            hdop = a.hdop
            f.write(sentence(f"GPGGA,{hhmmss},{la},{ns},{lo},{ew},{quality},{a.satellites:02d},{hdop:.1f},152.0,M,-21.0,M,,"))
            f.write(sentence(f"GPGSA,A,{3 if quality else 1},,,,,,,,,,,,,{hdop * 1.6:.1f},{hdop:.1f},{hdop * 1.2:.1f}"))
            status = "A" if quality else "V"
            f.write(sentence(f"GPRMC,{hhmmss},{status},{la},{ns},{lo},{ew},0.0,0.0,{a.date},,,A"))


if __name__ == "__main__":
    main()
