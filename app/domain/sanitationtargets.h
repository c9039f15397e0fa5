#pragma once

#include "domain/formtemplate.h"

#include <QList>
#include <QString>
#include <optional>

// A 2025 target the dashboard shows beside one of its sanitation indicators
// (app/data/targets/sanitation_2025.json, copied from domain.md §3.5 and §4).
struct SanitationTarget {
    QString indicatorId; // sanitary_toilet, black_water_treated, pond_chief_numbered
    LocalizedText name;
    LocalizedText target;
    std::optional<double> share; // 0..1 where the source names one
};

struct SanitationTargets {
    LocalizedText source;
    QList<SanitationTarget> targets;

    const SanitationTarget *find(const QString &indicatorId) const;
};

// The bundled targets (resource :/qingshui/targets/sanitation_2025.json); nullopt with *error
// set when the file is missing or malformed (a build defect).
std::optional<SanitationTargets> loadSanitationTargets(QString *error);
