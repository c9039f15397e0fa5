#pragma once

#include <QSqlDatabase>
#include <QString>

// A handful of submitted records around the reservoir, for the demo run.
namespace DemoData {
// Seeds only an empty store; returns how many records it added.
int seedIfEmpty(QSqlDatabase db, const QString &deviceId);
} // namespace DemoData
