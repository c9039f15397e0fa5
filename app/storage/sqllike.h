#pragma once

#include <QString>

// A LIKE pattern matching `text` anywhere, with %, _ and \ taken literally; use it with
// "LIKE ? ESCAPE '\'".
inline QString likeContains(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}
