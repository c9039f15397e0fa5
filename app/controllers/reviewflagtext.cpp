#include "reviewflagtext.h"

#include <cstdlib>

QString ReviewFlagText::duration(qint64 ms)
{
    const qint64 minutes = (std::llabs(ms) + 30 * 1000) / (60 * 1000);
    if (minutes < 60)
        return tr("%n 分钟", nullptr, int(minutes));
    const QString hours = tr("%n 小时", nullptr, int(minutes / 60));
    return minutes % 60 == 0 ? hours
                             : hours + QLatin1Char(' ') + tr("%n 分钟", nullptr, int(minutes % 60));
}

QString ReviewFlagText::photosIncomplete(int here, int total)
{
    return tr("照片未到齐 (%1/%2)").arg(here).arg(total);
}

QString ReviewFlagText::compact(const ReviewFlags &flags)
{
    QStringList names;
    if (flags.gpsOverridden())
        names << tr("定位精度不足");
    if (flags.staleFix())
        names << tr("定位过早");
    if (flags.clockSkewed())
        names << tr("时钟偏差");
    return names.join(QStringLiteral(" · "));
}

QList<ReviewFlagLine> ReviewFlagText::lines(const ReviewFlags &flags,
                                            const std::function<QString(const QString &)> &labelOf)
{
    QList<ReviewFlagLine> out;
    auto add = [&out](const char *kind, const QString &text) {
        out << ReviewFlagLine {QLatin1String(kind), text};
    };
    for (const GpsFlag &g : flags.gps) {
        if (g.overridden())
            add("gpsOverride",
                tr("%1：定位精度未达标仍采用，巡查员说明：%2")
                    .arg(labelOf(g.questionId), g.overrideReason));
    }
    for (const GpsFlag &g : flags.gps) {
        if (g.stale())
            add("staleFix",
                tr("%1：定位取自保存前 %2，可能不是在现场采集的")
                    .arg(labelOf(g.questionId), duration(g.fixAgeMs)));
    }
    if (flags.clockSkewed()) {
        add("clockSkew",
            flags.clockSkewMs > 0
                ? tr("提交时平板时钟比服务器快 %1：记录时间、定位时间和照片上的时间都不可信")
                      .arg(duration(flags.clockSkewMs))
                : tr("提交时平板时钟比服务器慢 %1：记录时间、定位时间和照片上的时间都不可信")
                      .arg(duration(flags.clockSkewMs)));
    }
    return out;
}

QString ReviewFlagText::confirmation(const ReviewEvent &e)
{
    if (!e.photosIncompleteConfirmed)
        return {};
    return e.decision == ReviewDecision::Publish
        ? tr("照片未到齐 (%1/%2) 时确认发布").arg(e.photosSeen).arg(e.photosTotal)
        : tr("照片未到齐 (%1/%2) 时确认通过").arg(e.photosSeen).arg(e.photosTotal);
}
