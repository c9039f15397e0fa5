#pragma once

#include "testbackend.h"
#include "throwawaycluster.h"

#include <QString>
#include <cstdio>
#include <cstring>
#include <memory>

// `qingshui-bench SUITE --postgres [URL]`: the qingshui-server processes a suite starts
// (tests/support/serverprocess.h) store in PostgreSQL — the cluster at URL, or one started
// for the run and thrown away after it (scripts/pg-cluster.sh) — instead of their SQLite
// file. Without the option, SQLite as always.
class BenchBackend {
public:
    // False, with the reason on stderr, when PostgreSQL was asked for and cannot be had.
    bool setUp(int argc, char **argv)
    {
        for (int i = 2; i < argc; ++i) {
            if (std::strcmp(argv[i], "--postgres") != 0)
                continue;
            QString url;
            if (i + 1 < argc && std::strncmp(argv[i + 1], "postgresql://", 13) == 0)
                url = QString::fromLocal8Bit(argv[i + 1]);
            if (url.isEmpty()) {
                m_cluster = std::make_unique<ThrowawayCluster>();
                // Durable as a real deployment: the figures must not gain from lost writes.
                if (!m_cluster->start({"-c", "fsync=on", "-c", "synchronous_commit=on", "-c",
                                       "full_page_writes=on"})) {
                    std::fprintf(stderr, "qingshui-bench: no PostgreSQL cluster: %s\n",
                                 qPrintable(m_cluster->error()));
                    return false;
                }
                url = m_cluster->url();
            }
            qputenv("QS_TEST_BACKEND", "postgres");
            qputenv("QS_TEST_PG_URL", url.toLocal8Bit());
            std::fprintf(stderr, "qingshui-bench: the server stores in PostgreSQL (%s)\n",
                         qPrintable(url));
            return true;
        }
        qputenv("QS_TEST_BACKEND", "sqlite");
        return true;
    }

private:
    std::unique_ptr<ThrowawayCluster> m_cluster;
};
