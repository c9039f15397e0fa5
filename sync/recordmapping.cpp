#include "recordmapping.h"

#include "qingshui/v1/sync.pb.h"

void toProto(const Record &r, qingshui::v1::Record *out)
{
    out->set_id(r.id.toStdString());
    out->set_template_id(r.templateId.toStdString());
    out->set_template_version(r.templateVersion);
    out->set_category(r.category.toStdString());
    out->set_village_code(r.villageCode.toStdString());
    out->set_status(r.status == RecordStatus::Submitted ? qingshui::v1::RECORD_STATUS_SUBMITTED
                                                        : qingshui::v1::RECORD_STATUS_DRAFT);
    out->set_created_at_ms(r.createdAtMs);
    out->set_updated_at_ms(r.updatedAtMs);
    out->set_content(r.content.constData(), static_cast<size_t>(r.content.size()));
    out->set_author_device_id(r.authorDeviceId.toStdString());
}

Record fromProto(const qingshui::v1::Record &in)
{
    Record r;
    r.id = QString::fromStdString(in.id());
    r.templateId = QString::fromStdString(in.template_id());
    r.templateVersion = in.template_version();
    r.category = QString::fromStdString(in.category());
    r.villageCode = QString::fromStdString(in.village_code());
    r.status = in.status() == qingshui::v1::RECORD_STATUS_SUBMITTED ? RecordStatus::Submitted
                                                                    : RecordStatus::Draft;
    r.createdAtMs = in.created_at_ms();
    r.updatedAtMs = in.updated_at_ms();
    r.content = QByteArray(in.content().data(), static_cast<qsizetype>(in.content().size()));
    r.authorDeviceId = QString::fromStdString(in.author_device_id());
    return r;
}
