#include "deviceenrolment.h"

EnrolmentResult enrolDevice(QSqlDatabase db, const EnrolmentCode &code, const QString &password,
                            const QString &deviceName)
{
    Q_UNUSED(db)
    Q_UNUSED(code)
    Q_UNUSED(password)
    Q_UNUSED(deviceName)
    EnrolmentResult result;
    result.failure = EnrolmentResult::Unreachable;
    result.detail = QStringLiteral("not built yet");
    return result;
}

EnrolmentResult connectDevice(QSqlDatabase db, const QString &address, const QByteArray &caPem,
                              const QString &username, const QString &password,
                              const QString &deviceName)
{
    Q_UNUSED(db)
    Q_UNUSED(address)
    Q_UNUSED(caPem)
    Q_UNUSED(username)
    Q_UNUSED(password)
    Q_UNUSED(deviceName)
    EnrolmentResult result;
    result.failure = EnrolmentResult::Unreachable;
    result.detail = QStringLiteral("not built yet");
    return result;
}
