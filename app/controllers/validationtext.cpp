#include "validationtext.h"

QString ValidationText::describe(const ValidationIssue &issue, const Question &question)
{
    const QString label = question.label.text();
    const QString unit = question.unit.text();
    const QString code = issue.code;
    const QStringList &a = issue.args;
    if (code == QLatin1String("required"))
        return tr("请填写「%1」").arg(label);
    if (code == QLatin1String("option"))
        return tr("「%1」的选项“%2”不在可选范围内").arg(label, a.value(0));
    if (code == QLatin1String("min"))
        return tr("「%1」不能小于 %2%3").arg(label, a.value(0), unit);
    if (code == QLatin1String("max"))
        return tr("「%1」不能大于 %2%3").arg(label, a.value(0), unit);
    if (code == QLatin1String("integer"))
        return tr("「%1」应为整数").arg(label);
    if (code == QLatin1String("too_long"))
        return tr("「%1」最多 %2 个字，现有 %3 个字").arg(label, a.value(0), a.value(1));
    if (code == QLatin1String("photo_unknown"))
        return tr("「%1」中有无法识别的照片，请删除后重新拍摄").arg(label);
    if (code == QLatin1String("photo_duplicate"))
        return tr("「%1」中有重复的照片").arg(label);
    if (code == QLatin1String("photos_min"))
        return tr("「%1」至少需要 %2 张照片，现有 %3 张").arg(label, a.value(0), a.value(1));
    if (code == QLatin1String("photos_max"))
        return tr("「%1」最多 %2 张照片，现有 %3 张").arg(label, a.value(0), a.value(1));
    if (code == QLatin1String("gps_invalid"))
        return tr("「%1」的经纬度无效，请重新定位").arg(label);
    if (code == QLatin1String("gps_accuracy") && a.size() >= 2)
        return tr("「%1」的定位精度为 %2 米，要求在 %3 米以内；请重新定位，或填写原因后保留此位置")
            .arg(label, a.value(0), a.value(1));
    if (code == QLatin1String("gps_accuracy"))
        return tr("「%1」缺少定位精度，请重新定位，或填写原因后保留此位置").arg(label);
    return tr("「%1」的答案格式不正确").arg(label); // "type", and any code this build lacks
}
