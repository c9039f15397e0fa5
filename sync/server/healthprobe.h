#pragma once

#include <QString>

// Whether the server's database can be used right now; the health service answers from it
// (HealthWatch). One per backend.
class HealthProbe {
public:
    virtual ~HealthProbe() = default;
    // False with what is wrong, in English for the log.
    virtual bool check(QString *problem) = 0;
};
