#pragma once

#include <QObject>
#include <QString>
#include <memory>

class BasemapController;
class Database;
class WalCheckpointer;
class SearchIndexer;
class CameraController;
class CameraSource;
class DashboardController;
class EnrolmentController;
class FrameSource;
class SettingsController;
class ReviewController;
class FiguresController;
class FormController;
class GpsCapture;
class PhotoFetchController;
class PhotoFetcher;
class PhotoStore;
class PublicFeed;
class InspectorController;
class KioskController;
class LedgerBoardController;
class LedgerController;
class LedgerListModel;
class LanguageController;
class LoginController;
class MapLayerController;
class PositionProvider;
class PositionStatus;
class RecordListModel;
class RecordViewController;
class Services;
class SyncEngine;
class UnitListModel;
class VillagePickerController;

// Builds and wires the services of one face of the app (inspector, supervisor or kiosk) on
// one local store — only the ones that face shows: used by main() and by the tests, so both
// run exactly the same wiring.
class ServiceHost : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString mode = QStringLiteral("inspector");
        QString dbPath;
        QString serverAddress; // empty: offline
        QString nmeaPath; // empty: the device's GPS
        bool seedDemo = false; // demo records into an empty store
        QString language; // empty: the saved choice (Chinese by default)
        QString kioskConfigPath = {}; // empty: KioskConfig::defaultPath()
        // Pictures the 连接服务器 page reads QR codes from; null: the device camera. Tests
        // feed their own (there is no camera here).
        FrameSource *qrFrames = nullptr;
    };

    explicit ServiceHost(QObject *parent = nullptr);
    ~ServiceHost() override;

    // Opens the store, loads reference data and builds the face's services; false with
    // error() set.
    bool start(const Options &options);
    QString error() const { return m_error; }

    Services *services() const { return m_services.get(); }
    PositionProvider *positionProvider() const { return m_positionProvider; } // inspector
    Database *database() const { return m_db.get(); }
    LanguageController *language() const { return m_language.get(); }

signals:
    // An enrolment or a login made the store an account whose face (modeForRole) is not
    // the one these services were built for: main() may load that face instead.
    void accountModeChanged(const QString &mode);

private:
    bool openStore(const Options &options);
    void buildCommon(const Options &options);
    void buildAccount(const Options &options);
    void buildInspector(const Options &options);
    void buildSupervisor(const Options &options);
    void buildKiosk(const Options &options);
    void buildLedger(PositionStatus *position); // the inspector's and the supervisor's
    void buildMapLayers(); // the inspector's and the supervisor's, after their lists
    void publish();
    void wireEnrolment(const Options &options);
    void checkAccountMode();

    QString m_error;
    QString m_photoDirectory;
    QString m_deviceId;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<SearchIndexer> m_searchIndexer;
    PositionProvider *m_positionProvider = nullptr;
    std::unique_ptr<PositionStatus> m_position;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<RecordListModel> m_records;
    std::unique_ptr<UnitListModel> m_units;
    std::unique_ptr<VillagePickerController> m_villagePicker;
    std::unique_ptr<InspectorController> m_inspector;
    std::unique_ptr<GpsCapture> m_gps;
    std::unique_ptr<PhotoStore> m_photos;
    std::unique_ptr<FormController> m_form;
    std::unique_ptr<CameraSource> m_camera;
    std::unique_ptr<CameraController> m_cameraController;
    std::unique_ptr<LanguageController> m_language;
    std::unique_ptr<LoginController> m_login;
    std::unique_ptr<RecordViewController> m_recordView;
    std::unique_ptr<RecordViewController> m_revisionView;
    std::unique_ptr<DashboardController> m_dashboard;
    std::unique_ptr<ReviewController> m_review;
    std::unique_ptr<LedgerController> m_ledger;
    std::unique_ptr<LedgerListModel> m_ledgerList;
    std::unique_ptr<LedgerBoardController> m_ledgerBoard;
    std::unique_ptr<MapLayerController> m_mapLayers;
    std::unique_ptr<KioskController> m_kiosk;
    std::unique_ptr<FiguresController> m_figures;
    std::unique_ptr<PublicFeed> m_publicFeed;
    // Destroyed before the dashboard: a photo export waiting for it ends then.
    std::unique_ptr<PhotoFetcher> m_photoFetcher;
    std::unique_ptr<PhotoFetchController> m_photoStatus;
    std::unique_ptr<FrameSource> m_ownQrFrames;
    std::unique_ptr<EnrolmentController> m_enrolment;
    std::unique_ptr<SettingsController> m_settings;
    std::unique_ptr<BasemapController> m_basemaps;
    QString m_mode;
    std::unique_ptr<Services> m_services;
};
