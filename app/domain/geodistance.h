#pragma once

// Distances and directions between two GPS points, on a sphere of the Earth's mean radius
// (6371.0088 km): metres within a village need nothing finer.

double haversineMetres(double lat1, double lon1, double lat2, double lon2);

// The initial bearing from the first point to the second, degrees clockwise from true north
// in [0, 360): the way an inspector turns to walk there.
double initialBearingDegrees(double lat1, double lon1, double lat2, double lon2);
