#pragma once

#include "exportoutcome.h"
#include "storage/ledgerquery.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

// The words the ledger's CSV writes besides the user data: Chinese here; the app passes the
// words of the moment, as for the records' CSV (exportwords.h).
struct LedgerCsvWords {
    // Problem id, county, township, village, village code, category, severity, description,
    // state, responsible unit, deadline, found, closed, overdue, days to close, ledger month,
    // conflicts.
    QStringList header = {QStringLiteral("问题编号"),
                          QStringLiteral("县（市、区）"),
                          QStringLiteral("乡镇（街道）"),
                          QStringLiteral("村（社区）"),
                          QStringLiteral("村代码"),
                          QStringLiteral("类别"),
                          QStringLiteral("严重程度"),
                          QStringLiteral("问题描述"),
                          QStringLiteral("状态"),
                          QStringLiteral("责任单位"),
                          QStringLiteral("整改期限"),
                          QStringLiteral("发现时间"),
                          QStringLiteral("销号时间"),
                          QStringLiteral("是否逾期"),
                          QStringLiteral("整改用时（天）"),
                          QStringLiteral("台账月份"),
                          QStringLiteral("冲突")};
    // By ProblemState: 待整改, 整改中, 待复查, 已销号, 退回重改.
    QStringList states
        = {QStringLiteral("待整改"), QStringLiteral("整改中"), QStringLiteral("待复查"),
           QStringLiteral("已销号"), QStringLiteral("退回重改")};
    // By severity: 一般, 较重, 严重.
    QStringList severities
        = {QStringLiteral("一般"), QStringLiteral("较重"), QStringLiteral("严重")};
    QString yes = QStringLiteral("是");
    QString no = QStringLiteral("否");
};

// The ledger the filter selects as CSV for the 台账 that goes upward, in the ledger's order
// (overdue first): UTF-8 with a BOM, RFC 4180, one row per problem, like the records' CSV.
// Times in local ISO 8601; the days to close with one decimal, for closed problems only.
ExportOutcome exportLedgerCsv(QSqlDatabase db, const LedgerFilter &filter, const QString &path,
                              const LedgerCsvWords &words = {});
