#include "problempublication.h"

#include "domain/category.h"
#include "domain/problem.h"
#include "publication.h"

#include "qingshui/v1/ledger.pb.h"

#include <QHash>
#include <QRegularExpression>

namespace v1 = qingshui::v1;

namespace {

// The category as a work category's identifier ("sanitation", "sanitation.toilet"), else
// none: the device wrote it, and the kiosks show no text a person typed.
QString publicCategory(const QString &category)
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z_]+(\\.[a-z_]+)*$"));
    if (!identifier.match(category).hasMatch())
        return {};
    const QString top = category.section(QLatin1Char('.'), 0, 0);
    for (const Category &known : workCategories()) {
        if (known.id == top)
            return category;
    }
    return {};
}

} // namespace

ChangeStore::ApplyResult publishProblem(SqlSession &db, BlobStore &blobs, const Problem &problem,
                                        const v1::ProblemEvent &publish, qint64 seq, QString *why,
                                        ChangeStore::Refusal *refusal)
{
    using Result = ChangeStore::ApplyResult;
    SqlSession::Rows rows;
    QHash<QString, QString> renditions; // original → rendition
    // The ticked photos in order, each once, as renditions.
    const auto publicOf = [&](const google::protobuf::RepeatedPtrField<std::string> &ticked,
                              QStringList *shown) {
        for (const std::string &sha : ticked) {
            const QString original = QString::fromStdString(sha);
            if (!db.exec(QStringLiteral("SELECT 1 FROM problem_event_photo p JOIN problem_event e "
                                        "ON e.server_seq = p.server_seq WHERE e.problem_id = ? "
                                        "AND p.sha256 = ? AND p.proved = 1"),
                         {problem.id, original}, &rows, why))
                return Result::Failed;
            if (rows.rows.isEmpty()) {
                *refusal = {QStringLiteral("publish_photo_not_on_server"), {original}};
                *why = QStringLiteral("photo %1 is not on the server yet").arg(original);
                return Result::UnknownRecord;
            }
            QString rendition = renditions.value(original);
            if (rendition.isEmpty()) {
                const Result made
                    = makePublicRendition(db, blobs, original, &rendition, why, refusal);
                if (made != Result::Applied)
                    return made;
                renditions.insert(original, rendition);
            }
            if (!shown->contains(rendition))
                *shown << rendition;
        }
        return Result::Applied;
    };
    QStringList before, after;
    if (const Result r = publicOf(publish.published_before_sha256(), &before); r != Result::Applied)
        return r;
    if (const Result r = publicOf(publish.published_after_sha256(), &after); r != Result::Applied)
        return r;

    v1::PublicProblem copy;
    copy.set_problem_id(problem.id.toStdString());
    copy.set_village_code(problem.villageCode.toStdString());
    copy.set_category(publicCategory(problem.category).toStdString());
    copy.set_raised_at_ms(problem.raisedAtMs);
    copy.set_closed_at_ms(problem.closedAtMs);
    for (const QString &sha : std::as_const(before))
        copy.add_before_sha256(sha.toStdString());
    for (const QString &sha : std::as_const(after))
        copy.add_after_sha256(sha.toStdString());
    const std::string bytes = copy.SerializeAsString();

    // The new copy replaces the problem's earlier one and its photos.
    for (const char *table : {"public_problem", "public_problem_photo"}) {
        if (!db.exec(
                QStringLiteral("DELETE FROM %1 WHERE problem_id = ?").arg(QLatin1String(table)),
                {problem.id}, &rows, why))
            return Result::Failed;
    }
    if (!db.exec(QStringLiteral("INSERT INTO public_problem (server_seq, problem_id, village_code, "
                                "problem) VALUES (?,?,?,?)"),
                 {seq, problem.id, problem.villageCode,
                  QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size()))},
                 &rows, why))
        return Result::Failed;
    for (auto it = renditions.cbegin(); it != renditions.cend(); ++it) {
        if (!db.exec(QStringLiteral("INSERT INTO public_problem_photo (problem_id, "
                                    "rendition_sha256, original_sha256) VALUES (?,?,?) "
                                    "ON CONFLICT DO NOTHING"),
                     {problem.id, it.value(), it.key()}, &rows, why))
            return Result::Failed;
    }
    return Result::Applied;
}
