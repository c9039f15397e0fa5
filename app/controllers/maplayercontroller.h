#pragma once

#include "controllers/mapcard.h"
#include "controllers/mapmarkerset.h"
#include "storage/recordfilter.h"

#include <QObject>
#include <QQmlEngine>
#include <QRectF>
#include <QSqlDatabase>
#include <QStringList>

// What the map pages show (MapPage for the inspector, the supervisor's map): four layers of
// markers — the records under a filter (the inspector's: all on this tablet; the supervisor's:
// the review queue's, which is also the dashboard's selection), the villages of the account's
// townships (or of the filter's township), the ponds and the open problems — the card of a
// tapped point, and the records inside a drawn box. Read from the store only while a map is
// shown (active): 100,000 records take a moment, and a tablet that never opens its map
// should not pay for it after every sync.
class MapLayerController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A service of the app: see qmlsingletons.h")
    Q_PROPERTY(MapMarkerSet *records READ records CONSTANT)
    Q_PROPERTY(MapMarkerSet *villages READ villages CONSTANT)
    Q_PROPERTY(MapMarkerSet *ponds READ ponds CONSTANT)
    Q_PROPERTY(MapMarkerSet *problems READ problems CONSTANT)
    // A map page is shown: the layers are read now and after every change.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    // Villages of the townships shown that have no record with a fix yet, so no place.
    Q_PROPERTY(int villagesWithoutFix READ villagesWithoutFix NOTIFY reloaded)
    // The WGS-84 box around every record, pond and problem shown (x = west, y = south); empty
    // when there is none: what the map fits to when it opens.
    Q_PROPERTY(QRectF markerBox READ markerBox NOTIFY reloaded)
    // Why a layer could not be read, in the user's words; "" when all were.
    Q_PROPERTY(QString error READ error NOTIFY reloaded)
public:
    MapLayerController(QSqlDatabase db, QObject *parent = nullptr);
    ~MapLayerController() override;

    MapMarkerSet *records() const { return m_records; }
    MapMarkerSet *villages() const { return m_villages; }
    MapMarkerSet *ponds() const { return m_ponds; }
    MapMarkerSet *problems() const { return m_problems; }
    bool active() const { return m_active; }
    void setActive(bool active);
    int villagesWithoutFix() const { return m_villagesWithoutFix; }
    QRectF markerBox() const { return m_markerBox; }
    QString error() const { return m_error; }

    // The records layer's filter (the supervisor's: the queue's, set whenever it changes).
    const RecordFilter &filter() const { return m_filter; }
    void setFilter(const RecordFilter &filter);

    // The card of a marker (kind: MapMarker::Kind), read afresh from the store.
    Q_INVOKABLE MapCard card(const QString &id, int kind) const;
    // The filtered records whose point lies in the box (WGS-84 degrees), newest first: the
    // selection a supervisor draws for bulk actions and exports.
    Q_INVOKABLE QStringList recordsInBox(double west, double south, double east,
                                         double north) const;

public slots:
    // Reads every layer again (when active; otherwise when next shown).
    void reload();

signals:
    void activeChanged();
    void reloaded();

private:
    QStringList townshipsShown() const;

    QSqlDatabase m_db;
    MapMarkerSet *m_records;
    MapMarkerSet *m_villages;
    MapMarkerSet *m_ponds;
    MapMarkerSet *m_problems;
    RecordFilter m_filter;
    bool m_active = false;
    bool m_stale = true; // something changed while no map was shown
    int m_villagesWithoutFix = 0;
    QRectF m_markerBox;
    QString m_error;
};
