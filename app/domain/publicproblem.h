#pragma once

#include <QString>
#include <QStringList>

// What a kiosk holds of the ledger (proto/qingshui/v1/ledger.proto): a closed problem's public
// copy, redacted like a public record (no names, text or coordinates), and the problems raised
// and closed per unit as the server counted them.
struct PublicProblem {
    QString problemId;
    QString villageCode;
    QString category;
    qint64 raisedAtMs = 0;
    qint64 closedAtMs = 0;
    QStringList beforePhotos; // public renditions (SHA-256)
    QStringList afterPhotos;
};

struct ClosureTally {
    QString unitCode; // 6 digits: a county; 9: a township
    int raised = 0;
    int closed = 0;
};
