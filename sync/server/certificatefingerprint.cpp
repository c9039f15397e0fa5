#include "certificatefingerprint.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>

#include <memory>

QByteArray firstCertificateSha256(const QByteArray &pem, QString *error)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.constData(), int(pem.size())),
                                                  &BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> certificate(
        bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
    if (!certificate) {
        ERR_clear_error();
        *error = QStringLiteral("no PEM certificate in it");
        return {};
    }
    unsigned char *der = nullptr;
    const int length = i2d_X509(certificate.get(), &der);
    if (length <= 0) {
        *error = QStringLiteral("the certificate cannot be encoded");
        return {};
    }
    QByteArray digest(SHA256_DIGEST_LENGTH, Qt::Uninitialized);
    SHA256(der, size_t(length), reinterpret_cast<unsigned char *>(digest.data()));
    OPENSSL_free(der);
    return digest;
}
