#pragma once

#include "loadfleet.h"

#include <QList>
#include <QStringList>
#include <functional>

// How the simulated tablets behave: each arrives at a random time within the window, pushes
// its records in batches (the next batch once the last is acknowledged) and then pulls its
// jurisdiction's changes page by page from the start.
struct LoadPlan {
    int records = 20;
    int batch = 5;
    double windowS = 60;
    int pullPage = 1000;
    quint32 seed = 14;
};

struct LoadOutcome {
    QList<double> pushMs; // each Push call: sent to answered
    QList<double> pullMs; // each Pull call
    qint64 recordsAcked = 0;
    int errors = 0; // failed calls, wrong acknowledgements, a tablet's own records not pulled
    QStringList errorSamples;
    double wallS = 0; // clock start to the last tablet done
};

// Drives every tablet from one thread through gRPC's asynchronous client API (one
// CompletionQueue). Each tablet has its own channel and connection, made when it arrives and
// closed when it is done, as a tablet's sync would. `idle` runs every 100 ms or so.
LoadOutcome driveLoad(const QString &address, const QList<LoadTablet> &tablets,
                      const LoadPlan &plan, const std::function<void()> &idle);
