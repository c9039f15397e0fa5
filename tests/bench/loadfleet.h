#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One simulated tablet of `qingshui-bench load`: its own inspector account, its device and a
// token the server issued to that device, and the village its records are about.
struct LoadTablet {
    QString username;
    QString deviceId;
    QByteArray token;
    QString villageCode; // inside the account's scope (its township)
};

// Enrols `count` tablets in the server's store before the clock starts, each an inspector
// scoped to the township of a village taken in turn from the reference villages. Accounts and
// tokens go in through the store's own interfaces (AccountStore::addAccount and issueToken,
// the calls `user add` and Login make); all accounts share one real Argon2id hash, made once,
// because a Login's Argon2id check is not what the morning peak measures (tablets hold 30-day
// tokens). `db` is what the server gets as --db; false with *error when it cannot be done.
bool enrolLoadTablets(const QString &db, int count, QList<LoadTablet> *tablets, QString *error);
