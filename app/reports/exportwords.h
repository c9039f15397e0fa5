#pragma once

#include "domain/answertext.h"
#include "domain/liststatuswords.h"
#include "domain/record.h"

#include <QHash>
#include <QString>
#include <QStringList>

// The words an export writes besides the user data and the checklists' own titles, labels and
// options (which already follow the app's language at export time): the CSV's fixed header,
// yes/no, the separators, the statuses, the county names. Chinese here; the app gives the
// words of the moment (ExportWordsText, app/controllers), so that a file exported in English
// mode reads in English throughout, and one exported in Chinese mode in Chinese.
struct ExportWords {
    // Record id, checklist, checklist id, version, category, county, township, village,
    // village code, status, created, updated, latitude, longitude, accuracy (m).
    QStringList csvHeader = {QStringLiteral("记录编号"),      QStringLiteral("检查表"),
                             QStringLiteral("检查表编号"),    QStringLiteral("版本"),
                             QStringLiteral("类别"),          QStringLiteral("县（市、区）"),
                             QStringLiteral("乡镇（街道）"),  QStringLiteral("村（社区）"),
                             QStringLiteral("村代码"),        QStringLiteral("状态"),
                             QStringLiteral("创建时间"),      QStringLiteral("更新时间"),
                             QStringLiteral("纬度"),          QStringLiteral("经度"),
                             QStringLiteral("定位精度（米）")};
    QString yes = QStringLiteral("是");
    QString no = QStringLiteral("否");
    QString listSeparator = QStringLiteral("、"); // between a multiple choice's options
    QString labelSeparator = QStringLiteral("："); // "checklist：question" in a CSV header
    // By ListStatus: draft, waiting to sync, synced, returned, approved, rejected.
    QStringList statuses = listStatusSourceTexts();
    // A county's name as the store keeps it → as the file writes it (none: as it is).
    QHash<QString, QString> unitNames;

    // Yes, no and the separator as an answer's text (domain/answertext.h) takes them; an
    // export writes photos by name and no accuracy, so it needs no words for those.
    AnswerWords answerWords() const
    {
        AnswerWords words;
        words.yes = yes;
        words.no = no;
        words.listSeparator = listSeparator;
        return words;
    }
    QString status(const Record &record) const
    {
        return statuses.value(static_cast<int>(record.listStatus()) - 1);
    }
    QString unit(const QString &storedName) const
    {
        return unitNames.value(storedName, storedName);
    }
};
