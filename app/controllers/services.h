#pragma once

#include <QString>

class BasemapController;
class CameraController;
class DashboardController;
class EnrolmentController;
class FiguresController;
class FormController;
class GpsCapture;
class InspectorController;
class KioskController;
class LedgerBoardController;
class LedgerController;
class LedgerListModel;
class LanguageController;
class LoginController;
class MapLayerController;
class PhotoFetchController;
class PositionStatus;
class PublicFeed;
class RecordListModel;
class RecordViewController;
class ReviewController;
class SettingsController;
class SyncEngine;
class UnitListModel;
class VillagePickerController;

// The services one face of the app was built with (ServiceHost): null where the face has
// none. QML sees each as a singleton of its own (qmlsingletons.h); C++ and tests read them
// here.
struct Services {
    QString mode; // inspector, supervisor or kiosk
    QString version;

    // Every face
    SyncEngine *sync = nullptr;
    LanguageController *language = nullptr;
    // Inspector and supervisor: the account, its server and its records
    LoginController *login = nullptr;
    EnrolmentController *enrolment = nullptr; // 连接服务器: joining a server from the screen
    SettingsController *settings = nullptr; // 设置: server, account, sync log, log out
    RecordListModel *records = nullptr;
    InspectorController *inspector = nullptr; // the checklist templates and categories
    VillagePickerController *villagePicker = nullptr;
    // Inspector: capture
    PositionStatus *position = nullptr;
    GpsCapture *gps = nullptr;
    FormController *form = nullptr;
    CameraController *camera = nullptr;
    // Inspector and supervisor: the rectification ledger (problems, their steps)
    LedgerController *ledger = nullptr;
    // Inspector and supervisor: the basemap the maps show, its packages by sync, importing
    BasemapController *basemaps = nullptr;
    // Inspector and supervisor: what the map shows (records, villages, ponds, problems)
    MapLayerController *mapLayers = nullptr;
    // Supervisor: review
    RecordViewController *recordView = nullptr; // also the kiosk's record card
    RecordViewController *revisionView = nullptr; // a past revision, read-only (conflicts)
    ReviewController *review = nullptr; // decisions, revisions, diff
    DashboardController *dashboard = nullptr; // figures and exports
    PhotoFetchController *photos = nullptr; // the queue's photos arriving
    LedgerListModel *ledgerList = nullptr; // 整改台账: the filtered ledger
    LedgerBoardController *ledgerBoard = nullptr; // its figures, ranking, coverage, sign-off
    // Kiosk
    UnitListModel *units = nullptr;
    KioskController *kiosk = nullptr; // config, idle watch, admin PIN
    FiguresController *figures = nullptr; // achievements and public-record counts
    PublicFeed *publicFeed = nullptr; // the published records of its store

    // The services QML gets; set before the first QML engine loads anything.
    static void setInstance(Services *instance);
    static Services *instance();
};
