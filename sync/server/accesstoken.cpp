#include "accesstoken.h"

#include <QCryptographicHash>

#include <sodium.h>

QByteArray AccessToken::generate()
{
    if (sodium_init() < 0)
        return {};
    QByteArray raw(32, Qt::Uninitialized);
    randombytes_buf(raw.data(), static_cast<size_t>(raw.size()));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray AccessToken::hashOf(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}
