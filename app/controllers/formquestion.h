#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QVariant>
#include <QtQml/qqmlregistration.h>

// One option of a choice question: the stored value and its label in the app's language.
struct ChoiceLine {
    Q_GADGET
    QML_VALUE_TYPE(choiceLine)
    Q_PROPERTY(QString value MEMBER value CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
public:
    QString value;
    QString label;
};

// A template's question as the form's editors read it (domain/formtemplate's Question):
// type by name ("yes_no", "number", …), texts in the app's language, min and max undefined
// in QML when the template sets none.
struct FormQuestion {
    Q_GADGET
    QML_VALUE_TYPE(formQuestion)
    Q_PROPERTY(QString id MEMBER id CONSTANT)
    Q_PROPERTY(QString type MEMBER type CONSTANT)
    Q_PROPERTY(QString label MEMBER label CONSTANT)
    Q_PROPERTY(QString hint MEMBER hint CONSTANT)
    Q_PROPERTY(bool required MEMBER required CONSTANT)
    Q_PROPERTY(QString unit MEMBER unit CONSTANT)
    Q_PROPERTY(QVariant min MEMBER min CONSTANT)
    Q_PROPERTY(QVariant max MEMBER max CONSTANT)
    Q_PROPERTY(bool integer MEMBER integer CONSTANT)
    Q_PROPERTY(QList<ChoiceLine> options MEMBER options CONSTANT)
    Q_PROPERTY(bool multiline MEMBER multiline CONSTANT)
    Q_PROPERTY(int maxLength MEMBER maxLength CONSTANT)
    Q_PROPERTY(int minPhotos MEMBER minPhotos CONSTANT)
    Q_PROPERTY(int maxPhotos MEMBER maxPhotos CONSTANT)
public:
    QString id;
    QString type;
    QString label;
    QString hint;
    bool required = false;
    QString unit;
    QVariant min;
    QVariant max;
    bool integer = false;
    QList<ChoiceLine> options;
    bool multiline = false;
    int maxLength = 0;
    int minPhotos = 0;
    int maxPhotos = 0;
};
