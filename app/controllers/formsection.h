#pragma once

#include "formquestion.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

// A section of the open form: its title in the app's language and its questions in order.
struct FormSection {
    Q_GADGET
    QML_VALUE_TYPE(formSection)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString title MEMBER title CONSTANT)
    Q_PROPERTY(QList<FormQuestion> questions MEMBER questions CONSTANT)
public:
    QString id;
    QString title;
    QList<FormQuestion> questions;
};
