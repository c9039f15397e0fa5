#pragma once

#include <QList>
#include <algorithm>
#include <cstdio>

// Percentiles of a sample, and the one output format every suite uses.
inline double percentile(QList<double> samples, double p)
{
    if (samples.isEmpty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const qsizetype i
        = std::min<qsizetype>(samples.size() - 1, qsizetype(p / 100.0 * samples.size()));
    return samples.at(i);
}

inline void printFigure(const char *name, double value, const char *unit)
{
    std::printf("%s %.3f %s\n", name, value, unit);
    std::fflush(stdout);
}
