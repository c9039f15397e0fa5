#include "photoeviction.h"

#include <QHash>
#include <algorithm>

std::optional<QStringList> planEviction(const EvictionInput &input)
{
    if (input.incomingBytes > input.budgetBytes)
        return std::nullopt;
    qint64 used = 0;
    QHash<QString, const CachedPhoto *> bySha;
    for (const CachedPhoto &c : input.cached) {
        used += c.bytes;
        bySha.insert(c.sha256, &c);
    }
    QStringList out;
    QSet<QString> chosen;
    auto fits = [&] { return used + input.incomingBytes <= input.budgetBytes; };
    auto evict = [&](const CachedPhoto &c) {
        out << c.sha256;
        chosen.insert(c.sha256);
        used -= c.bytes;
    };
    auto evictable = [&](const QString &sha) {
        return !chosen.contains(sha) && !input.pinned.contains(sha)
            && (input.mayEvictWanted || !input.wanted.contains(sha));
    };

    for (const QString &sha : input.decidedOldestFirst) {
        if (fits())
            return out;
        const CachedPhoto *c = bySha.value(sha);
        // A photo a waiting record shares with a decided one is a wanted photo.
        if (c && !input.wanted.contains(sha) && evictable(sha))
            evict(*c);
    }
    if (fits())
        return out;

    QList<const CachedPhoto *> rest;
    for (const CachedPhoto &c : input.cached) {
        if (evictable(c.sha256))
            rest << &c;
    }
    // Photos no waiting record wants go before wanted ones, each group least recently used
    // first (a photo never shown counts from when it was fetched).
    std::sort(rest.begin(), rest.end(), [&](const CachedPhoto *a, const CachedPhoto *b) {
        const bool aWanted = input.wanted.contains(a->sha256);
        const bool bWanted = input.wanted.contains(b->sha256);
        if (aWanted != bWanted)
            return !aWanted;
        const qint64 aUsed = std::max(a->shownAtMs, a->fetchedAtMs);
        const qint64 bUsed = std::max(b->shownAtMs, b->fetchedAtMs);
        return aUsed != bUsed ? aUsed < bUsed : a->sha256 < b->sha256;
    });
    for (const CachedPhoto *c : std::as_const(rest)) {
        if (fits())
            return out;
        evict(*c);
    }
    if (fits())
        return out;
    return std::nullopt;
}
