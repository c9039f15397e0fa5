#include "enrolmentcontroller.h"

#include "media/framesource.h"
#include "media/qrdecoder.h"
#include "refusaltext.h"
#include "serverprobe.h"
#include "storage/database.h"
#include "storage/enrolmentrepository.h"
#include "syncerrortext.h"
#include "syncreport.h"

#include <QFile>
#include <QImageReader>
#include <QSysInfo>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

namespace {

DecodedPicture decodePicture(const QImage &image)
{
    return {!image.isNull(), decodeQrCode(image)};
}

DecodedPicture decodeFile(const QString &path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true); // a phone photo of the printed invite, turned
    return decodePicture(reader.read());
}

// A FileDialog's file: URL, or a path as typed.
QString localPath(const QString &file)
{
    const QUrl url(file);
    return url.isLocalFile() ? url.toLocalFile() : file;
}

} // namespace

EnrolmentController::EnrolmentController(QSqlDatabase db, bool serverGiven, FrameSource *frames,
                                         QObject *parent)
    : QObject(parent), m_db(db), m_serverGiven(serverGiven), m_frames(frames)
{
    connect(m_frames, &FrameSource::availabilityChanged, this, &EnrolmentController::cameraChanged);
    connect(m_frames, &FrameSource::frameArrived, this, &EnrolmentController::onFrame);
    connect(m_frames, &FrameSource::failed, this, [this](const QString &detail) {
        stopScanning();
        setError(tr("相机出错：%1。可以从图片文件读取二维码，或手动输入连接码。").arg(detail));
    });
    connect(&m_frameDecode, &QFutureWatcher<DecodedPicture>::finished, this,
            [this] { onDecoded(m_frameDecode.result(), true); });
    connect(&m_fileDecode, &QFutureWatcher<DecodedPicture>::finished, this, [this] {
        setBusy(false);
        onDecoded(m_fileDecode.result(), false);
    });
    connect(&m_join, &QFutureWatcher<JoinOutcome>::finished, this,
            [this] { onJoined(m_join.result()); });
    refresh();
}

EnrolmentController::~EnrolmentController()
{
    // The enrolment holds its own connection to the store: let it end before the app does.
    m_join.waitForFinished();
    m_fileDecode.waitForFinished();
    m_frameDecode.waitForFinished();
}

void EnrolmentController::refresh()
{
    const bool needed = !m_serverGiven && !EnrolmentRepository(m_db).server().isSet();
    if (needed == m_needed)
        return;
    m_needed = needed;
    emit neededChanged();
}

QString EnrolmentController::codeFingerprint() const
{
    return m_code ? QString::fromLatin1(m_code->certificateFingerprint.toHex(':').toUpper())
                  : QString();
}

bool EnrolmentController::cameraAvailable() const
{
    return m_frames->availability() == FrameSource::Availability::Available;
}

QString EnrolmentController::cameraUnavailableReason() const
{
    switch (m_frames->availability()) {
    case FrameSource::Availability::Available:
        break;
    case FrameSource::Availability::NoCamera:
        return tr("此设备没有摄像头：请从图片文件读取二维码，或手动输入连接码");
    case FrameSource::Availability::NoPermission:
        return tr("没有相机权限：请在系统设置中允许，或从图片文件读取二维码");
    }
    return {};
}

void EnrolmentController::setError(const QString &error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void EnrolmentController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

bool EnrolmentController::acceptCode(const QString &text)
{
    EnrolmentCode::ParseError why = EnrolmentCode::ParseError::None;
    std::optional<EnrolmentCode> code = EnrolmentCode::parse(text, &why);
    if (!code) {
        setError(RefusalText::describe(why));
        return false;
    }
    m_code = std::move(code);
    setError({});
    emit codeChanged();
    return true;
}

void EnrolmentController::readCodeFromImage(const QString &file)
{
    if (m_busy || m_fileDecode.isRunning())
        return;
    setError({});
    setBusy(true);
    m_fileDecode.setFuture(QtConcurrent::run(decodeFile, localPath(file)));
}

void EnrolmentController::startScanning(QObject *viewfinder)
{
    if (!cameraAvailable()) {
        setError(cameraUnavailableReason());
        return;
    }
    setError({});
    m_frames->start(viewfinder);
    if (!m_scanning) {
        m_scanning = true;
        emit scanningChanged();
    }
}

void EnrolmentController::stopScanning()
{
    if (!m_scanning)
        return;
    m_frames->stop();
    m_scanning = false;
    emit scanningChanged();
}

void EnrolmentController::onFrame(const QImage &frame)
{
    // One frame at a time, off the UI thread; frames that come meanwhile are dropped.
    if (!m_scanning || m_frameDecode.isRunning())
        return;
    m_frameDecode.setFuture(QtConcurrent::run(decodePicture, frame));
}

void EnrolmentController::onDecoded(const DecodedPicture &picture, bool fromCamera)
{
    if (fromCamera) {
        // Frames without a code are the normal case while the tablet is aimed.
        if (!m_scanning || picture.text.isEmpty())
            return;
        if (acceptCode(picture.text))
            stopScanning();
        return;
    }
    if (!picture.readable)
        setError(tr("无法读取这个图片文件"));
    else if (picture.text.isEmpty())
        setError(tr("图片中没有找到二维码：请拍得更清楚一些，或手动输入连接码"));
    else
        acceptCode(picture.text);
}

void EnrolmentController::clearCode()
{
    m_code.reset();
    setError({});
    emit codeChanged();
}

void EnrolmentController::startJoin(std::function<JoinOutcome(QSqlDatabase)> join)
{
    setError({});
    setBusy(true);
    const QString path = m_db.databaseName();
    m_join.setFuture(QtConcurrent::run([path, join] {
        Database db; // this thread's own connection
        if (!db.open(path)) {
            JoinOutcome outcome;
            outcome.result.failure = EnrolmentResult::LocalStore;
            outcome.result.detail = db.error();
            return outcome;
        }
        return join(db.connection());
    }));
}

void EnrolmentController::enrol(const QString &password)
{
    if (m_busy)
        return;
    if (!m_code) {
        setError(tr("请先扫描或输入连接码"));
        return;
    }
    if (password.isEmpty()) {
        setError(tr("请输入密码"));
        return;
    }
    const EnrolmentCode code = *m_code;
    const QString device = QSysInfo::machineHostName();
    startJoin([code, password, device](QSqlDatabase db) {
        return joinWithCode(db, code, password, device);
    });
}

void EnrolmentController::connectTo(const QString &address, const QString &caFile,
                                    const QString &username, const QString &password)
{
    if (m_busy)
        return;
    QString host;
    quint16 port = 0;
    const QString trimmed = address.trimmed();
    if (!splitServerAddress(trimmed, &host, &port)) {
        setError(tr("服务器地址应为 主机:端口，例如 qingshui.example.org:50051"));
        return;
    }
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        setError(tr("请输入用户名和密码"));
        return;
    }
    QByteArray caPem;
    if (!caFile.trimmed().isEmpty()) {
        QFile file(localPath(caFile.trimmed()));
        if (!file.open(QIODevice::ReadOnly)) {
            setError(tr("无法读取证书文件 %1").arg(file.fileName()));
            return;
        }
        caPem = file.readAll();
        if (!caPem.contains("-----BEGIN CERTIFICATE-----")) {
            setError(tr("%1 不是 PEM 格式的证书文件").arg(file.fileName()));
            return;
        }
    }
    const QString user = username.trimmed();
    const QString device = QSysInfo::machineHostName();
    startJoin([trimmed, caPem, user, password, device](QSqlDatabase db) {
        return joinWithAddress(db, trimmed, caPem, user, password, device);
    });
}

void EnrolmentController::onJoined(const JoinOutcome &outcome)
{
    setBusy(false);
    if (outcome.heldForOtherServer) {
        const PendingWork &w = outcome.pending;
        setError(tr("本机还有 %1 条记录、%2 条审核决定、%3 张照片等待发送到原服务器 %4。"
                    "它们只属于那台服务器，不会发到别处，也不会删除：请先连回原服务器同步，"
                    "再更换服务器。")
                     .arg(w.records)
                     .arg(w.decisions)
                     .arg(w.photos)
                     .arg(outcome.otherServer));
        return;
    }
    if (outcome.heldForOtherAccount) {
        setError(
            SyncErrorText::describe(QLatin1String(SyncErrorCode::kWorkOfAnotherAccount),
                                    {outcome.otherAccount, QString::number(outcome.pending.records),
                                     QString::number(outcome.pending.decisions)},
                                    outcome.result.detail));
        return;
    }
    if (!outcome.ok()) {
        setError(RefusalText::describe(outcome.result));
        return;
    }
    m_code.reset();
    emit codeChanged();
    setError({});
    refresh();
    emit enrolled();
}
