#include "problemwords.h"

#include "domain/geodistance.h"
#include "domain/problemledger.h"

#include <cmath>

QString ProblemWords::state(ProblemState state)
{
    switch (state) {
    case ProblemState::ToFix:
        return tr("待整改");
    case ProblemState::Fixing:
        return tr("整改中");
    case ProblemState::ToRecheck:
        return tr("待复查");
    case ProblemState::Closed:
        return tr("已销号");
    case ProblemState::Rework:
        return tr("退回重改");
    }
    return {};
}

QString ProblemWords::action(ProblemAction action)
{
    switch (action) {
    case ProblemAction::Raise:
        return tr("发现问题");
    case ProblemAction::Assign:
        return tr("交办");
    case ProblemAction::Progress:
        return tr("开始整改");
    case ProblemAction::ReportFix:
        return tr("报告整改完成");
    case ProblemAction::Recheck:
        return tr("复查");
    case ProblemAction::Close:
        return tr("销号");
    case ProblemAction::Return:
        return tr("退回重改");
    case ProblemAction::Publish:
        return tr("公开整改前后对比");
    }
    return {};
}

QString ProblemWords::severity(int severity)
{
    switch (severity) {
    case 3:
        return tr("严重");
    case 2:
        return tr("较重");
    default:
        return tr("一般");
    }
}

QString ProblemWords::responsibleKind(ResponsibleKind kind)
{
    switch (kind) {
    case ResponsibleKind::Township:
        return tr("乡镇人民政府");
    case ResponsibleKind::Village:
        return tr("村民委员会");
    case ResponsibleKind::Department:
        return tr("职能部门");
    case ResponsibleKind::None:
        break;
    }
    return tr("未交办");
}

QString ProblemWords::direction(double bearingDegrees)
{
    const QString names[]
        = {tr("北"), tr("东北"), tr("东"), tr("东南"), tr("南"), tr("西南"), tr("西"), tr("西北")};
    const int sector = int(std::lround(std::fmod(bearingDegrees + 360.0, 360.0) / 45.0)) % 8;
    return names[sector];
}

QString ProblemWords::distance(double metres)
{
    if (metres < 0)
        return {};
    if (metres < 1000)
        return tr("%1 米").arg(qRound(metres));
    return tr("%1 公里").arg(metres / 1000.0, 0, 'f', 1);
}

QString ProblemWords::way(const Problem &problem, const GeoFix &here)
{
    const double metres = ProblemLedger::distanceFromProblemM(problem, here);
    if (metres < 0)
        return {};
    if (metres < 5)
        return tr("就在附近");
    return direction(initialBearingDegrees(here.latitude, here.longitude, problem.point.latitude,
                                           problem.point.longitude))
        + QLatin1Char(' ') + distance(metres);
}

QString ProblemWords::deadline(qint64 deadlineMs, qint64 nowMs)
{
    if (deadlineMs <= 0)
        return {};
    constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
    if (nowMs > deadlineMs)
        return tr("逾期 %1 天").arg((nowMs - deadlineMs + kDayMs - 1) / kDayMs);
    const qint64 left = (deadlineMs - nowMs) / kDayMs;
    return left == 0 ? tr("今天到期") : tr("剩 %1 天").arg(left);
}
