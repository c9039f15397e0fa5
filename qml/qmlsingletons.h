#pragma once

#include "controllers/basemapcontroller.h"
#include "controllers/cameracontroller.h"
#include "controllers/dashboardcontroller.h"
#include "controllers/enrolmentcontroller.h"
#include "controllers/figurescontroller.h"
#include "controllers/formcontroller.h"
#include "controllers/inspectorcontroller.h"
#include "controllers/kioskcontroller.h"
#include "controllers/languagecontroller.h"
#include "controllers/ledgerboardcontroller.h"
#include "controllers/ledgercontroller.h"
#include "controllers/logincontroller.h"
#include "controllers/maplayercontroller.h"
#include "controllers/photofetchcontroller.h"
#include "controllers/positionstatus.h"
#include "controllers/publicfeed.h"
#include "controllers/recordviewcontroller.h"
#include "controllers/reviewcontroller.h"
#include "controllers/services.h"
#include "controllers/settingscontroller.h"
#include "controllers/villagepickercontroller.h"
#include "models/ledgerlistmodel.h"
#include "models/recordlistmodel.h"
#include "models/unitlistmodel.h"
#include "positioning/gpscapture.h"
#include "syncengine.h"

#include <QQmlEngine>

// One QML singleton per service (as KDE Itinerary's qmlsingletons.h does): QML reads
// Form.answers, Sync.state, Review.decide(…) with their real types, and a face sees only the
// services it was built with (ServiceHost). A service the face lacks is null, and reading
// it is logged as a mistake. The services stay C++-owned; the classes know nothing of this.
// They live in Qingshui.Ui, not beside the services in Qingshui.Backend: Qt 6.4's type
// registrar describes a QML_FOREIGN type of its own module as an empty value type, which
// blinds qmllint; from the next module it copies the service's properties.
//
// Names are the services' roles; CameraControl because QtMultimedia has a Camera.

namespace QmlSingletons {
// The face's service for QML: C++-owned; null (and a critical log line) if it has none.
QObject *handOver(QObject *service, const char *name);
template<typename T> T *handOver(T *Services::*member, const char *name)
{
    return static_cast<T *>(handOver(Services::instance()->*member, name));
}
} // namespace QmlSingletons

struct SyncSingleton {
    Q_GADGET
    QML_FOREIGN(SyncEngine)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
public:
    static SyncEngine *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::sync, "Sync");
    }
};

struct LanguageSingleton {
    Q_GADGET
    QML_FOREIGN(LanguageController)
    QML_NAMED_ELEMENT(Language)
    QML_SINGLETON
public:
    static LanguageController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::language, "Language");
    }
};

struct LoginSingleton {
    Q_GADGET
    QML_FOREIGN(LoginController)
    QML_NAMED_ELEMENT(Login)
    QML_SINGLETON
public:
    static LoginController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::login, "Login");
    }
};

struct EnrolmentSingleton {
    Q_GADGET
    QML_FOREIGN(EnrolmentController)
    QML_NAMED_ELEMENT(Enrolment)
    QML_SINGLETON
public:
    static EnrolmentController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::enrolment, "Enrolment");
    }
};

struct SettingsSingleton {
    Q_GADGET
    QML_FOREIGN(SettingsController)
    QML_NAMED_ELEMENT(Settings)
    QML_SINGLETON
public:
    static SettingsController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::settings, "Settings");
    }
};

struct BasemapsSingleton {
    Q_GADGET
    QML_FOREIGN(BasemapController)
    QML_NAMED_ELEMENT(Basemaps)
    QML_SINGLETON
public:
    static BasemapController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::basemaps, "Basemaps");
    }
};

struct RecordsSingleton {
    Q_GADGET
    QML_FOREIGN(RecordListModel)
    QML_NAMED_ELEMENT(Records)
    QML_SINGLETON
public:
    static RecordListModel *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::records, "Records");
    }
};

struct InspectorSingleton {
    Q_GADGET
    QML_FOREIGN(InspectorController)
    QML_NAMED_ELEMENT(Inspector)
    QML_SINGLETON
public:
    static InspectorController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::inspector, "Inspector");
    }
};

struct VillagePickerSingleton {
    Q_GADGET
    QML_FOREIGN(VillagePickerController)
    QML_NAMED_ELEMENT(VillagePicker)
    QML_SINGLETON
public:
    static VillagePickerController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::villagePicker, "VillagePicker");
    }
};

struct PositionSingleton {
    Q_GADGET
    QML_FOREIGN(PositionStatus)
    QML_NAMED_ELEMENT(Position)
    QML_SINGLETON
public:
    static PositionStatus *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::position, "Position");
    }
};

struct GpsSingleton {
    Q_GADGET
    QML_FOREIGN(GpsCapture)
    QML_NAMED_ELEMENT(Gps)
    QML_SINGLETON
public:
    static GpsCapture *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::gps, "Gps");
    }
};

struct FormSingleton {
    Q_GADGET
    QML_FOREIGN(FormController)
    QML_NAMED_ELEMENT(Form)
    QML_SINGLETON
public:
    static FormController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::form, "Form");
    }
};

struct CameraControlSingleton {
    Q_GADGET
    QML_FOREIGN(CameraController)
    QML_NAMED_ELEMENT(CameraControl)
    QML_SINGLETON
public:
    static CameraController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::camera, "CameraControl");
    }
};

struct RecordViewSingleton {
    Q_GADGET
    QML_FOREIGN(RecordViewController)
    QML_NAMED_ELEMENT(RecordView)
    QML_SINGLETON
public:
    static RecordViewController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::recordView, "RecordView");
    }
};

struct RevisionViewSingleton {
    Q_GADGET
    QML_FOREIGN(RecordViewController)
    QML_NAMED_ELEMENT(RevisionView)
    QML_SINGLETON
public:
    static RecordViewController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::revisionView, "RevisionView");
    }
};

struct ReviewSingleton {
    Q_GADGET
    QML_FOREIGN(ReviewController)
    QML_NAMED_ELEMENT(Review)
    QML_SINGLETON
public:
    static ReviewController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::review, "Review");
    }
};

struct LedgerSingleton {
    Q_GADGET
    QML_FOREIGN(LedgerController)
    QML_NAMED_ELEMENT(Ledger)
    QML_SINGLETON
public:
    static LedgerController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::ledger, "Ledger");
    }
};

struct LedgerListSingleton {
    Q_GADGET
    QML_FOREIGN(LedgerListModel)
    QML_NAMED_ELEMENT(LedgerList)
    QML_SINGLETON
public:
    static LedgerListModel *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::ledgerList, "LedgerList");
    }
};

struct MapLayersSingleton {
    Q_GADGET
    QML_FOREIGN(MapLayerController)
    QML_NAMED_ELEMENT(MapLayers)
    QML_SINGLETON
public:
    static MapLayerController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::mapLayers, "MapLayers");
    }
};

struct LedgerBoardSingleton {
    Q_GADGET
    QML_FOREIGN(LedgerBoardController)
    QML_NAMED_ELEMENT(LedgerBoard)
    QML_SINGLETON
public:
    static LedgerBoardController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::ledgerBoard, "LedgerBoard");
    }
};

struct DashboardSingleton {
    Q_GADGET
    QML_FOREIGN(DashboardController)
    QML_NAMED_ELEMENT(Dashboard)
    QML_SINGLETON
public:
    static DashboardController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::dashboard, "Dashboard");
    }
};

struct PhotosSingleton {
    Q_GADGET
    QML_FOREIGN(PhotoFetchController)
    QML_NAMED_ELEMENT(Photos)
    QML_SINGLETON
public:
    static PhotoFetchController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::photos, "Photos");
    }
};

struct UnitsSingleton {
    Q_GADGET
    QML_FOREIGN(UnitListModel)
    QML_NAMED_ELEMENT(Units)
    QML_SINGLETON
public:
    static UnitListModel *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::units, "Units");
    }
};

struct KioskSingleton {
    Q_GADGET
    QML_FOREIGN(KioskController)
    QML_NAMED_ELEMENT(Kiosk)
    QML_SINGLETON
public:
    static KioskController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::kiosk, "Kiosk");
    }
};

struct FiguresSingleton {
    Q_GADGET
    QML_FOREIGN(FiguresController)
    QML_NAMED_ELEMENT(Figures)
    QML_SINGLETON
public:
    static FiguresController *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::figures, "Figures");
    }
};

struct PublicFeedSingleton {
    Q_GADGET
    QML_FOREIGN(PublicFeed)
    QML_NAMED_ELEMENT(PublicFeed)
    QML_SINGLETON
public:
    static PublicFeed *create(QQmlEngine *, QJSEngine *)
    {
        return QmlSingletons::handOver(&Services::publicFeed, "PublicFeed");
    }
};
