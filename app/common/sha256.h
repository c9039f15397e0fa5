#pragma once

#include <cstddef>
#include <string>

struct evp_md_ctx_st;

// Incremental SHA-256 through OpenSSL's libcrypto (already loaded with gRPC): it uses the
// CPU's SHA instructions, ten times QCryptographicHash's speed here. The server hashes every
// uploaded byte once as it appends it, the device every downloaded byte as it writes it.
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(const char *data, size_t size);
    // 64 lowercase hex digits; the hash starts afresh afterwards.
    std::string hexDigest();
    void reset();

private:
    evp_md_ctx_st *m_ctx;
};
