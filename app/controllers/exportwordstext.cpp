#include "exportwordstext.h"

#include "models/liststatustext.h"
#include "placenames.h"
#include "storage/referencedatarepository.h"

ExportWords ExportWordsText::current(QSqlDatabase db)
{
    ExportWords words;
    words.csvHeader = {tr("记录编号"), tr("检查表"),       tr("检查表编号"),    tr("版本"),
                       tr("类别"),     tr("县（市、区）"), tr("乡镇（街道）"),  tr("村（社区）"),
                       tr("村代码"),   tr("状态"),         tr("创建时间"),      tr("更新时间"),
                       tr("纬度"),     tr("经度"),         tr("定位精度（米）")};
    words.yes = tr("是");
    words.no = tr("否");
    words.listSeparator = tr("、", "between the options of a multiple-choice answer");
    words.labelSeparator = tr("：", "between a checklist's title and a question's label");
    words.statuses = ListStatusText::all();
    for (const PairedUnit &u : ReferenceDataRepository(db).units())
        words.unitNames.insert(u.name, PlaceNames::unit(u));
    return words;
}
