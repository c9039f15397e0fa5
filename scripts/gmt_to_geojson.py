#!/usr/bin/env python3
"""GMT's multisegment text (">" headers, "lon lat" rows) to a GeoJSON of lines, kept to a box.

Usage: gmt_to_geojson.py FILE LineString WEST/EAST/SOUTH/NORTH SOURCE > out.geojson
Used once by scripts/extract-demo-geodata.sh; coordinates rounded to 1e-5 degree (about 1 m).
"""
import json
import sys


def segments(path):
    name, points = "", []
    for line in open(path, encoding="utf-8"):
        if line.startswith(">"):
            if len(points) > 1:
                yield name, points
            name, points = line[1:].strip(), []
            continue
        parts = line.split()
        if len(parts) >= 2:
            points.append((round(float(parts[0]), 5), round(float(parts[1]), 5)))
    if len(points) > 1:
        yield name, points


def inside(point, box):
    west, east, south, north = box
    return west <= point[0] <= east and south <= point[1] <= north


def clipped(points, box):
    """The runs of a line that lie in the box (a point each side kept so lines reach the edge)."""
    run = []
    for i, point in enumerate(points):
        near = inside(point, box) or (i > 0 and inside(points[i - 1], box)) or (
            i + 1 < len(points) and inside(points[i + 1], box))
        if near:
            run.append(point)
        elif len(run) > 1:
            yield run
            run = []
        else:
            run = []
    if len(run) > 1:
        yield run


def main():
    path, kind, box_text, source = sys.argv[1:5]
    box = [float(v) for v in box_text.split("/")]
    features = []
    for name, points in segments(path):
        for run in clipped(points, box):
            features.append({"type": "Feature", "properties": {"segment": name},
                             "geometry": {"type": kind, "coordinates": run}})
    json.dump({"type": "FeatureCollection", "name": source, "features": features}, sys.stdout,
              ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
