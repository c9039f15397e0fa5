#include "sha256.h"

#include <openssl/evp.h>

Sha256::Sha256() : m_ctx(EVP_MD_CTX_new())
{
    reset();
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_ctx);
}

void Sha256::reset()
{
    EVP_DigestInit_ex(m_ctx, EVP_sha256(), nullptr);
}

void Sha256::add(const char *data, size_t size)
{
    EVP_DigestUpdate(m_ctx, data, size);
}

std::string Sha256::hexDigest()
{
    unsigned char digest[32];
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_ctx, digest, &length);
    static const char hex[] = "0123456789abcdef";
    std::string out(2 * length, '0');
    for (unsigned int i = 0; i < length; ++i) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 0xf];
    }
    reset();
    return out;
}
