#pragma once

// Suite `map-markers`: the map's records layer read from a store of 100,000 pulled records, each
// with a GPS point (issue 17's map_markers_100k_ms): one statement, the points read by the
// answer scanner.
int runMapMarkerBench();
