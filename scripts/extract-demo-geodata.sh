#!/usr/bin/env bash
# How app/data/basemaps/{rivers,provinces}.geojson were made (run once by hand; the build only
# reads the GeoJSON): the rivers of GSHHG 2.3.7 (WDBII, all levels) and the province outlines
# of DCW-GMT 2.1.1 (Henan, Hubei, Shaanxi, Chongqing), both LGPL-3.0+, from Debian's gmt,
# gmt-gshhg-full and gmt-dcw packages, cut to the 16 water-source units' box.
set -euo pipefail
cd "$(dirname "$0")/.."
box=109.4/112.4/31.3/34.2
out=app/data/basemaps
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gmt coast -R$box -Ia -M -Df > "$tmp/rivers.txt"
gmt coast -ECN.HA,CN.HB,CN.SN,CN.CQ -M > "$tmp/provinces.txt"
python3 scripts/gmt_to_geojson.py "$tmp/rivers.txt" LineString $box \
    "GSHHG 2.3.7 WDBII rivers (LGPL-3.0+), Debian gmt-gshhg-full" > "$out/rivers.geojson"
python3 scripts/gmt_to_geojson.py "$tmp/provinces.txt" LineString $box \
    "DCW-GMT 2.1.1 province outlines (LGPL-3.0+), Debian gmt-dcw" > "$out/provinces.geojson"
