#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A closed problem as the kiosk shows it (PublicFeed::problems): what and where, when it was
// found and closed, and the public renditions before and after (file URLs; empty until
// downloaded).
struct PublicProblemCard {
    Q_GADGET
    QML_VALUE_TYPE(publicProblemCard)
    Q_PROPERTY(QString problemId MEMBER problemId CONSTANT)
    Q_PROPERTY(QString categoryText MEMBER categoryText CONSTANT)
    Q_PROPERTY(QString placeText MEMBER placeText CONSTANT)
    Q_PROPERTY(QString raisedText MEMBER raisedText CONSTANT)
    Q_PROPERTY(QString closedText MEMBER closedText CONSTANT)
    Q_PROPERTY(QString beforeUrl MEMBER beforeUrl CONSTANT)
    Q_PROPERTY(QString afterUrl MEMBER afterUrl CONSTANT)
public:
    QString problemId;
    QString categoryText;
    QString placeText; // county and village
    QString raisedText; // yyyy-MM-dd
    QString closedText;
    QString beforeUrl;
    QString afterUrl;
};
