#pragma once

#include "domain/mapprojection.h"
#include "mapplace.h"

#include <QHash>
#include <QObject>
#include <QQmlEngine>
#include <QRectF>
#include <QSizeF>
#include <QVariantList>

// The kiosk's pairing map laid out on the 1920×1080 design canvas: the 16 units' county seats
// (and their label touch targets) in the source-area frame, the 16 Beijing districts in the
// inset, the reservoir's schematic outline and the middle-route canal running from 陶岔 to the
// inset. Reads the map points bundled in the resources; a missing file or bad rows leave
// `error` set and the rest of the map drawn. Every place it knows has an English name too
// (englishName), so the map reads in English mode.
class PairingMap : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString pointsFile MEMBER m_pointsFile NOTIFY inputChanged)
    Q_PROPERTY(QString outlineFile MEMBER m_outlineFile NOTIFY inputChanged)
    Q_PROPERTY(QString placeNamesFile MEMBER m_placeNamesFile NOTIFY inputChanged)
    Q_PROPERTY(QRectF mapArea MEMBER m_mapArea NOTIFY inputChanged)
    Q_PROPERTY(QRectF insetArea MEMBER m_insetArea NOTIFY inputChanged)
    Q_PROPERTY(QSizeF unitLabelSize MEMBER m_unitLabelSize NOTIFY inputChanged)
    Q_PROPERTY(QSizeF districtLabelSize MEMBER m_districtLabelSize NOTIFY inputChanged)
    Q_PROPERTY(QList<MapPlace> units READ units NOTIFY layoutChanged)
    Q_PROPERTY(QList<MapPlace> districts READ districts NOTIFY layoutChanged)
    Q_PROPERTY(QList<MapPlace> canal READ canal NOTIFY layoutChanged)
    // The outline's points (QPointF, typed already). A QVariantList, which QML reads as a
    // JavaScript array: the page closes the polygon with Array's concat.
    Q_PROPERTY(QVariantList reservoir READ reservoir NOTIFY layoutChanged)
    Q_PROPERTY(QPointF dam READ dam NOTIFY layoutChanged)
    Q_PROPERTY(QString error READ error NOTIFY layoutChanged)
public:
    explicit PairingMap(QObject *parent = nullptr);

    // Not found if unknown.
    Q_INVOKABLE MapPlace unit(const QString &code) const;
    Q_INVOKABLE MapPlace district(const QString &name) const;
    // The English name of a place the map data names (a county seat, Beijing district,
    // landmark, province or prefecture) by its Chinese name; empty if it knows none.
    Q_INVOKABLE QString englishName(const QString &name) const;

    QList<MapPlace> units() const { return m_units; }
    QList<MapPlace> districts() const { return m_districts; }
    QList<MapPlace> canal() const { return m_canal; }
    QVariantList reservoir() const { return m_reservoir; }
    QPointF dam() const { return m_dam; }
    QString error() const { return m_error; }

    // The source-area and Beijing frames in lon/lat (x = west, y = south).
    static QRectF sourceAreaBox();
    static QRectF beijingBox();

signals:
    void inputChanged();
    void layoutChanged();

private:
    void relayout();

    QString m_pointsFile = QStringLiteral(":/kiosk/map_points.csv");
    QString m_outlineFile = QStringLiteral(":/kiosk/reservoir_outline.csv");
    QString m_placeNamesFile = QStringLiteral(":/kiosk/place_names.csv");
    QRectF m_mapArea {40, 170, 1180, 880};
    QRectF m_insetArea {1290, 190, 560, 420};
    QSizeF m_unitLabelSize {168, 96};
    QSizeF m_districtLabelSize {104, 40};

    QList<MapPlace> m_units;
    QList<MapPlace> m_districts;
    QList<MapPlace> m_canal;
    QVariantList m_reservoir;
    QPointF m_dam;
    QHash<QString, QString> m_englishNames; // Chinese name → English name
    QString m_error;
};
