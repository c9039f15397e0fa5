#!/usr/bin/env python3
"""Helpers of scripts/make-demo-basemap.sh, in one place so that the shell script stays short.

  demo_basemap_layers.py grid Z WEST SOUTH EAST NORTH
      prints "minx maxy maxx miny width height" of the Web Mercator tile grid at zoom Z that
      covers the box (EPSG:3857 metres, whole 256 px tiles), for gdal_create.
  demo_basemap_layers.py places Z OUT_DIR
      writes OUT_DIR/seats.geojson (the county seats of app/data/kiosk/map_points.csv, turned
      from GCJ-02 into WGS-84, as discs 3 px wide at zoom Z) and OUT_DIR/reservoir.geojson
      (the kiosk's schematic outline as a polygon).
  demo_basemap_layers.py merge OUT.mbtiles ZOOM_FILE... -- NAME=VALUE...
      one MBTiles of the tiles of each single-zoom file, with the metadata given.
"""
import csv
import json
import math
import os
import sqlite3
import sys

HALF = 20037508.342789244  # half the Web Mercator world, metres
REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def mercator(lon, lat):
    lat = max(min(lat, 85.0511287798), -85.0511287798)
    return lon * HALF / 180, math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * HALF / math.pi


def grid(zoom, west, south, east, north):
    tiles = 2 ** zoom
    size = 2 * HALF / tiles
    x0, y0 = mercator(west, north)
    x1, y1 = mercator(east, south)
    c0, c1 = math.floor((x0 + HALF) / size), math.floor((x1 + HALF) / size)
    r0, r1 = math.floor((HALF - y0) / size), math.floor((HALF - y1) / size)
    minx, maxx = -HALF + c0 * size, -HALF + (c1 + 1) * size
    maxy, miny = HALF - r0 * size, HALF - (r1 + 1) * size
    print(f"{minx:.6f} {maxy:.6f} {maxx:.6f} {miny:.6f} {(c1 - c0 + 1) * 256} {(r1 - r0 + 1) * 256}")


# GCJ-02 as published (the "eviltransform" formulas); its inverse by fixed-point iteration.
A, EE = 6378245.0, 0.00669342162296594323


def _delta(lon, lat):
    x, y = lon - 105.0, lat - 35.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
            + (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
            + (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2 / 3
            + (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2 / 3)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
            + (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2 / 3
            + (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2 / 3
            + (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2 / 3)
    rad = math.radians(lat)
    magic = 1 - EE * math.sin(rad) ** 2
    dlat = (dlat * 180.0) / ((A * (1 - EE)) / (magic * math.sqrt(magic)) * math.pi)
    dlon = (dlon * 180.0) / (A / math.sqrt(magic) * math.cos(rad) * math.pi)
    return dlon, dlat


def gcj_to_wgs(lon, lat):
    wlon, wlat = lon, lat
    for _ in range(30):
        dlon, dlat = _delta(wlon, wlat)
        wlon, wlat = lon - dlon, lat - dlat
    return wlon, wlat


def places(zoom, out_dir):
    metres_per_px = 2 * HALF / (256 * 2 ** zoom)
    seats = []
    for row in csv.DictReader(open(os.path.join(REPO, "app/data/kiosk/map_points.csv"),
                                   encoding="utf-8")):
        if row["kind"] != "county_seat":
            continue
        lon, lat = gcj_to_wgs(float(row["lon"]), float(row["lat"]))
        # A disc of 3 px radius, in degrees at this latitude.
        r_lat = 3 * metres_per_px * math.cos(math.radians(lat)) / 111320.0
        r_lon = r_lat / math.cos(math.radians(lat))
        ring = [[lon + r_lon * math.cos(a * math.pi / 8), lat + r_lat * math.sin(a * math.pi / 8)]
                for a in range(17)]
        seats.append({"type": "Feature", "properties": {"name": row["name"], "code": row["code"]},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}})
    outline = [[float(r["lon"]), float(r["lat"])] for r in csv.DictReader(
        open(os.path.join(REPO, "app/data/kiosk/reservoir_outline.csv"), encoding="utf-8"))]
    outline.append(outline[0])
    reservoir = [{"type": "Feature", "properties": {"name": "丹江口水库（示意）"},
                  "geometry": {"type": "Polygon", "coordinates": [outline]}}]
    for name, features in (("seats", seats), ("reservoir", reservoir)):
        with open(os.path.join(out_dir, name + ".geojson"), "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False)


def merge(out, files, pairs):
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    db.executescript("CREATE TABLE metadata (name text, value text);"
                     "CREATE TABLE tiles (zoom_level integer, tile_column integer, "
                     "tile_row integer, tile_data blob);"
                     "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);")
    for path in files:
        db.execute("ATTACH DATABASE ? AS part", (path,))
        db.execute("INSERT OR REPLACE INTO tiles SELECT zoom_level, tile_column, tile_row, "
                   "tile_data FROM part.tiles")
        db.commit()
        db.execute("DETACH DATABASE part")
    db.executemany("INSERT INTO metadata VALUES (?, ?)", [p.split("=", 1) for p in pairs])
    db.commit()
    db.execute("VACUUM")
    db.close()


def main():
    verb = sys.argv[1]
    if verb == "grid":
        grid(int(sys.argv[2]), *map(float, sys.argv[3:7]))
    elif verb == "places":
        places(int(sys.argv[2]), sys.argv[3])
    elif verb == "merge":
        split = sys.argv.index("--")
        merge(sys.argv[2], sys.argv[3:split], sys.argv[split + 1:])
    else:
        sys.exit("unknown verb " + verb)


if __name__ == "__main__":
    main()
