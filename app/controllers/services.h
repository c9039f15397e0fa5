#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

class CameraController;
class DashboardController;
class EnrolmentController;
class SettingsController;
class FiguresController;
class ReviewController;
class FormController;
class GpsCapture;
class InspectorController;
class KioskController;
class LanguageController;
class LoginController;
class PhotoFetchController;
class PositionStatus;
class PublicFeed;
class RecordListModel;
class RecordViewController;
class SyncEngine;
class UnitListModel;
class VillagePickerController;
Q_MOC_INCLUDE("controllers/cameracontroller.h")
Q_MOC_INCLUDE("controllers/dashboardcontroller.h")
Q_MOC_INCLUDE("controllers/enrolmentcontroller.h")
Q_MOC_INCLUDE("controllers/settingscontroller.h")
Q_MOC_INCLUDE("controllers/reviewcontroller.h")
Q_MOC_INCLUDE("controllers/formcontroller.h")
Q_MOC_INCLUDE("controllers/figurescontroller.h")
Q_MOC_INCLUDE("controllers/gpscapturetype.h")
Q_MOC_INCLUDE("controllers/inspectorcontroller.h")
Q_MOC_INCLUDE("controllers/kioskcontroller.h")
Q_MOC_INCLUDE("controllers/languagecontroller.h")
Q_MOC_INCLUDE("controllers/logincontroller.h")
Q_MOC_INCLUDE("controllers/photofetchcontroller.h")
Q_MOC_INCLUDE("controllers/positionstatus.h")
Q_MOC_INCLUDE("controllers/recordviewcontroller.h")
Q_MOC_INCLUDE("controllers/syncenginetype.h")
Q_MOC_INCLUDE("controllers/villagepickercontroller.h")
Q_MOC_INCLUDE("controllers/publicfeed.h")
Q_MOC_INCLUDE("models/recordlistmodel.h")
Q_MOC_INCLUDE("models/unitlistmodel.h")

// What QML sees of the app: built once in main() and published as the Services singleton.
class Services : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString mode MEMBER mode CONSTANT)
    Q_PROPERTY(QString version MEMBER version CONSTANT)
    Q_PROPERTY(RecordListModel *records MEMBER records CONSTANT)
    Q_PROPERTY(UnitListModel *units MEMBER units CONSTANT)
    Q_PROPERTY(SyncEngine *sync MEMBER sync CONSTANT)
    Q_PROPERTY(PositionStatus *position MEMBER position CONSTANT)
    Q_PROPERTY(InspectorController *inspector MEMBER inspector CONSTANT)
    Q_PROPERTY(VillagePickerController *villagePicker MEMBER villagePicker CONSTANT)
    Q_PROPERTY(FormController *form MEMBER form CONSTANT)
    Q_PROPERTY(GpsCapture *gps MEMBER gps CONSTANT)
    Q_PROPERTY(CameraController *camera MEMBER camera CONSTANT)
    Q_PROPERTY(LanguageController *language MEMBER language CONSTANT)
    Q_PROPERTY(LoginController *login MEMBER login CONSTANT)
    Q_PROPERTY(RecordViewController *recordView MEMBER recordView CONSTANT)
    Q_PROPERTY(RecordViewController *revisionView MEMBER revisionView CONSTANT)
    Q_PROPERTY(DashboardController *dashboard MEMBER dashboard CONSTANT)
    Q_PROPERTY(ReviewController *review MEMBER review CONSTANT)
    Q_PROPERTY(KioskController *kiosk MEMBER kiosk CONSTANT)
    Q_PROPERTY(FiguresController *figures MEMBER figures CONSTANT)
    Q_PROPERTY(PublicFeed *publicFeed MEMBER publicFeed CONSTANT)
    Q_PROPERTY(PhotoFetchController *photos MEMBER photos CONSTANT)
    Q_PROPERTY(EnrolmentController *enrolment MEMBER enrolment CONSTANT)
    Q_PROPERTY(SettingsController *settings MEMBER settings CONSTANT)
public:
    // Not default-constructible on purpose: QML would build its own empty instance instead
    // of calling create().
    explicit Services(QObject *parent) : QObject(parent) { }

    QString mode;
    QString version;
    RecordListModel *records = nullptr;
    UnitListModel *units = nullptr;
    SyncEngine *sync = nullptr;
    PositionStatus *position = nullptr;
    InspectorController *inspector = nullptr;
    VillagePickerController *villagePicker = nullptr;
    FormController *form = nullptr;
    GpsCapture *gps = nullptr;
    CameraController *camera = nullptr;
    LanguageController *language = nullptr;
    LoginController *login = nullptr;
    RecordViewController *recordView = nullptr;
    RecordViewController *revisionView = nullptr; // a past revision, read-only (conflicts)
    DashboardController *dashboard = nullptr; // supervisor: figures and exports
    ReviewController *review = nullptr; // supervisor: decisions, revisions, diff
    KioskController *kiosk = nullptr; // kiosk: config, idle watch, admin PIN
    FiguresController *figures = nullptr; // kiosk: achievements and public-record counts
    PublicFeed *publicFeed = nullptr; // kiosk: the published records of its store
    PhotoFetchController *photos = nullptr; // supervisor: the queue's photos arriving (none: kiosk)
    EnrolmentController *enrolment = nullptr; // 连接服务器: joining a server from the screen
    SettingsController *settings = nullptr; // 设置: server, account, sync log, log out

    // Why a sync failed (SyncEngine's lastErrorCode, lastErrorArgs) in the language of the
    // moment: SyncErrorText; detail (lastError) only when there is no code.
    Q_INVOKABLE QString syncErrorText(const QString &code, const QStringList &args,
                                      const QString &detail) const;

    // The instance QML gets; set before the first QML engine loads anything.
    static void setInstance(Services *instance);
    static Services *create(QQmlEngine *, QJSEngine *);

private:
    static Services *s_instance;
};
