#pragma once

// qingshui-bench map [--basemap FILE.mbtiles] [--screenshot FILE.png]: the offline map through its
// real QML (QsMapView and a MapPointLayer of 100,000 records) in a 1280×800 window with the
// software renderer; prints pan frame times, the first full screen of tiles, re-clustering and
// memory after 1,000 pans.
int runMapBench(int argc, char *argv[]);
