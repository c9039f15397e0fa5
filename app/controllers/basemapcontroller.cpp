#include "basemapcontroller.h"

#include "basemapfetchjob.h"
#include "basemapreader.h"
#include "common/sha256.h"
#include "networkwatch.h"
#include "refusal.h"
#include "refusaltext.h"
#include "storage/referencedatarepository.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

namespace {

QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString bytesArg(const QStringList &args, int i)
{
    return bytesText(args.value(i).toLongLong());
}

} // namespace

BasemapController::BasemapController(QSqlDatabase db, Options options, NetworkWatch *network,
                                     QObject *parent)
    : QObject(parent), m_db(db), m_options(std::move(options)), m_network(network)
{
    BasemapFetchJob::Options job;
    job.databasePath = m_options.databasePath;
    job.serverAddress = m_options.serverAddress;
    job.directory = m_options.directory;
    job.marginBytes = m_options.marginBytes;
    job.freeBytes = m_options.freeBytes;
    // The fetcher's thread opens the file as the map will; the words are the user's.
    job.validate = [](const QString &path) {
        const BasemapInfo info = readBasemapInfo(path);
        return info.valid ? QString() : info.error;
    };
    m_job = std::make_unique<BasemapFetchJob>(job);
    // A copy cut short by a crash (or the power) is of no use: its room comes back now.
    QFile::remove(m_options.directory + QStringLiteral("/import.part"));
    connect(m_job.get(), &BasemapFetchJob::progress, this,
            [this](const QString &sha, qint64 done, qint64 total) {
                m_progress[sha] = {done, total};
                buildLines(BasemapRepository(m_db).all()); // the lines only: nothing installed
            });
    connect(m_job.get(), &BasemapFetchJob::finished, this, [this] {
        m_busy = false;
        m_progress.clear();
        refresh();
    });
    refresh();
}

BasemapController::~BasemapController() = default;

QString BasemapController::pathFor(const QString &directory, const QString &sha256)
{
    return BasemapFetcher::pathFor(directory, sha256);
}

bool BasemapController::allowMetered() const
{
    return BasemapRepository(m_db).allowMetered();
}

void BasemapController::setAllowMetered(bool allow)
{
    if (allow == allowMetered())
        return;
    BasemapRepository(m_db).setAllowMetered(allow);
    emit changed();
    if (allow)
        fetch(); // what waited for Wi-Fi may come now
}

void BasemapController::fetch()
{
    if (BasemapRepository(m_db).toFetch().isEmpty())
        return;
    m_busy = true;
    m_job->start(m_network && m_network->isMetered(), allowMetered());
    emit changed();
}

QString BasemapController::scopeText(const QString &code) const
{
    if (code.isEmpty())
        return tr("手动导入");
    ReferenceDataRepository reference(m_db);
    if (code.size() == 9) {
        if (const auto t = reference.township(code))
            return t->name;
    }
    for (const PairedUnit &u : reference.units()) {
        if (u.code == code)
            return u.name;
    }
    return code;
}

QString BasemapController::failureText(const QString &code, const QStringList &args) const
{
    if (code == QLatin1String(BasemapFetcher::kWaitingUnmetered))
        return tr("等待 Wi-Fi 等不计流量的网络再下载（%1）；可在下方允许使用移动数据")
            .arg(bytesArg(args, 0));
    if (code == QLatin1String(BasemapFetcher::kNoRoom))
        return tr("存储空间不足：需要 %1，只有 %2 可用。请腾出空间，下次同步时再下载")
            .arg(bytesArg(args, 0), bytesArg(args, 1));
    if (code == QLatin1String(BasemapFetcher::kDiskFull))
        return tr("存储空间已满：已下载的 %1 保留，腾出空间后继续下载").arg(bytesArg(args, 0));
    if (code == QLatin1String(BasemapFetcher::kChecksum))
        return tr("下载的底图与校验值不符，已丢弃，下次同步时重新下载");
    if (code == QLatin1String(BasemapFetcher::kLocalWrite))
        return tr("无法写入底图文件夹：%1").arg(args.value(0));
    if (code == QLatin1String(BasemapFetcher::kInterrupted))
        return tr("下载已暂停：已下载 %1，共 %2，下次继续")
            .arg(bytesArg(args, 0), bytesArg(args, 1));
    if (code == QLatin1String(BasemapFetcher::kUnreachable))
        return tr("下载中断：已下载 %1，共 %2，下次同步时从断点继续")
            .arg(bytesArg(args, 1), bytesArg(args, 2));
    if (code == QLatin1String(BasemapFetcher::kInvalid))
        return tr("此底图无法使用：%1").arg(args.value(0));
    // Retired on the server meanwhile (a newer one came): the next sync lists what replaced it.
    if (code == QLatin1String("blob_not_available"))
        return tr("服务器已不再提供此底图（可能已有更新的底图），下次同步时更新");
    return RefusalText::describe(Refusal {code, args});
}

QString BasemapController::stateText(const StoredBasemap &b, double *progress) const
{
    *progress = b.installed() ? 1.0 : 0.0;
    if (b.installed())
        return tr("已下载"); // 使用中 when it is the current one (refresh)
    if (const auto it = m_progress.constFind(b.sha256); it != m_progress.constEnd()) {
        const qint64 total = it->second > 0 ? it->second : b.sizeBytes;
        *progress = total > 0 ? double(it->first) / double(total) : 0.0;
        return tr("正在下载 %1%").arg(int(*progress * 100));
    }
    const qint64 kept
        = QFileInfo(pathFor(m_options.directory, b.sha256) + QStringLiteral(".part")).size();
    if (b.sizeBytes > 0)
        *progress = double(kept) / double(b.sizeBytes);
    if (!b.failure.isEmpty())
        return failureText(b.failure, b.failureArgs);
    return m_busy ? tr("排队下载") : tr("等待下次同步时下载");
}

void BasemapController::refresh()
{
    const QList<StoredBasemap> all = BasemapRepository(m_db).all();
    // The newest installed package the map can open; a broken file falls back to the next.
    BasemapInfo current;
    bool found = false;
    for (const StoredBasemap &b : all) {
        if (!b.installed())
            continue;
        BasemapInfo info = readBasemapInfo(pathFor(m_options.directory, b.sha256));
        if (info.valid) {
            // The name the administrator gave the package (basemap add --name) is the one
            // the tablets show.
            if (!b.name.isEmpty())
                info.name = b.name;
            current = info;
            found = true;
            break;
        }
        if (current.error.isEmpty())
            current = info;
    }
    if (!found && current.error.isEmpty())
        current.error
            = tr("还没有底图：同步后会自动下载本辖区的底图，也可以在设置中导入 MBTiles 文件");
    const bool currentChangedNow
        = current.path != m_current.path || current.valid != m_current.valid;
    m_current = current;
    buildLines(all);
    if (currentChangedNow)
        emit currentChanged();
}

void BasemapController::buildLines(const QList<StoredBasemap> &all)
{
    QList<BasemapPackageLine> lines;
    for (const StoredBasemap &b : all) {
        BasemapPackageLine line;
        line.sha256 = b.sha256;
        line.name = b.name;
        line.scopeText = b.imported() ? tr("手动导入") : scopeText(b.scopeCode);
        line.sizeText = bytesText(b.sizeBytes);
        line.installed = b.installed();
        line.stateText = stateText(b, &line.progress);
        line.current = b.installed() && m_current.valid
            && m_current.path
                == QFileInfo(pathFor(m_options.directory, b.sha256)).absoluteFilePath();
        if (line.current)
            line.stateText = tr("使用中");
        if (!b.installed() && !b.failure.isEmpty()
            && b.failure != QLatin1String(BasemapFetcher::kWaitingUnmetered))
            line.error = line.stateText;
        lines << line;
    }
    m_lines = lines;
    emit changed();
}

bool BasemapController::fail(const QString &message)
{
    m_lastError = message;
    emit changed();
    return false;
}

bool BasemapController::importFile(const QUrl &file)
{
    const QString source = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString fileName = QFileInfo(source).fileName();
    if (!QFileInfo(source).isFile())
        return fail(tr("找不到文件 %1").arg(fileName));
    // Checked as the map will open it, before a byte is copied.
    const BasemapInfo info = readBasemapInfo(source);
    if (!info.valid)
        return fail(tr("无法导入 %1：%2").arg(fileName, info.error));
    const qint64 size = QFileInfo(source).size();
    if (!QDir().mkpath(m_options.directory))
        return fail(tr("无法写入底图文件夹：%1").arg(m_options.directory));
    qint64 available = -1;
    if (m_options.freeBytes) {
        available = m_options.freeBytes(m_options.directory);
    } else {
        QStorageInfo storage(m_options.directory);
        available = storage.isValid() ? storage.bytesAvailable() : -1;
    }
    if (available >= 0 && available < size + m_options.marginBytes)
        return fail(
            tr("存储空间不足：导入 %1 需要 %2，只有 %3 可用")
                .arg(fileName, bytesText(size + m_options.marginBytes), bytesText(available)));
    // Copied under a temporary name, hashed on the way; renamed only whole.
    QFile in(source);
    const QString part = m_options.directory + QStringLiteral("/import.part");
    QFile out(part);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return fail(tr("无法复制 %1：%2")
                        .arg(fileName, in.isOpen() ? out.errorString() : in.errorString()));
    Sha256 hash;
    QByteArray piece(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const qint64 n = in.read(piece.data(), piece.size());
        if (n == 0)
            break;
        if (n < 0 || out.write(piece.constData(), n) != n) {
            const QString why = n < 0 ? in.errorString() : out.errorString();
            out.close();
            QFile::remove(part);
            return fail(tr("无法复制 %1：%2").arg(fileName, why));
        }
        hash.add(piece.constData(), size_t(n));
    }
    if (!out.flush()) {
        out.close();
        QFile::remove(part);
        return fail(tr("无法复制 %1：%2").arg(fileName, out.errorString()));
    }
    out.close();
    const QString sha = QString::fromStdString(hash.hexDigest());
    const QString target = pathFor(m_options.directory, sha);
    if (QFileInfo::exists(target))
        QFile::remove(part); // the same bytes are here already
    else if (!QFile::rename(part, target)) {
        QFile::remove(part);
        return fail(tr("无法复制 %1").arg(fileName));
    }
    StoredBasemap b;
    b.sha256 = sha;
    b.name = info.name.isEmpty() ? QFileInfo(source).completeBaseName() : info.name;
    b.datum = info.datum;
    b.sizeBytes = size;
    b.addedAtMs = QDateTime::currentMSecsSinceEpoch();
    BasemapRepository repository(m_db);
    QStringList obsolete;
    if (!repository.recordImported(b, &obsolete))
        return fail(tr("无法保存底图：%1").arg(repository.lastError()));
    for (const QString &old : std::as_const(obsolete))
        QFile::remove(pathFor(m_options.directory, old));
    m_lastError.clear();
    refresh();
    return true;
}
