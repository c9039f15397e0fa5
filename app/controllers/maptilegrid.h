#pragma once

#include "mapviewport.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QSet>
#include <QtQml/qqmlregistration.h>

// The tiles a map view needs for its viewport, as a model for a Repeater of Images (roles
// source, tileX, tileY). Tiles sit on a plane whose origin is one of them, so their positions
// stay small numbers at any zoom; the view moves and scales the plane (planeX, planeY,
// planeScale) and a pan only adds and removes the tiles at the edges. tileZoom is the
// basemap's zoom nearest to the viewport's, within the basemap's range (beyond its maxZoom the
// last level is enlarged).
class MapTileGrid : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(MapViewport *viewport READ viewport WRITE setViewport NOTIFY viewportChanged)
    Q_PROPERTY(QString path READ path WRITE setPath NOTIFY sourceChanged)
    Q_PROPERTY(int minZoom READ minZoom WRITE setMinZoom NOTIFY sourceChanged)
    Q_PROPERTY(int maxZoom READ maxZoom WRITE setMaxZoom NOTIFY sourceChanged)
    // Levels below the viewport's: a coarse grid of few tiles under the view's own shows what
    // the basemap has while the view's tiles load (after a zoom) or where its level lacks one.
    Q_PROPERTY(int levelsBelow READ levelsBelow WRITE setLevelsBelow NOTIFY sourceChanged)
    Q_PROPERTY(int tileZoom READ tileZoom NOTIFY planeChanged)
    Q_PROPERTY(double planeX READ planeX NOTIFY planeChanged)
    Q_PROPERTY(double planeY READ planeY NOTIFY planeChanged)
    Q_PROPERTY(double planeScale READ planeScale NOTIFY planeChanged)
public:
    enum Role { SourceRole = Qt::UserRole + 1, TileXRole, TileYRole };

    explicit MapTileGrid(QObject *parent = nullptr);

    MapViewport *viewport() const { return m_viewport; }
    void setViewport(MapViewport *viewport);
    QString path() const { return m_path; }
    void setPath(const QString &path);
    int minZoom() const { return m_minZoom; }
    void setMinZoom(int zoom);
    int maxZoom() const { return m_maxZoom; }
    void setMaxZoom(int zoom);
    int levelsBelow() const { return m_levelsBelow; }
    void setLevelsBelow(int levels);
    int tileZoom() const { return m_tileZoom; }
    double planeX() const { return m_planeX; }
    double planeY() const { return m_planeY; }
    double planeScale() const { return m_planeScale; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void viewportChanged();
    void sourceChanged();
    void planeChanged();

private:
    struct Tile {
        int x, y;
        bool operator==(const Tile &o) const { return x == o.x && y == o.y; }
    };
    friend size_t qHash(const Tile &t, size_t seed) { return qHashMulti(seed, t.x, t.y); }

    void update();

    QPointer<MapViewport> m_viewport;
    QString m_path;
    int m_minZoom = 0;
    int m_maxZoom = 0;
    int m_levelsBelow = 0;
    int m_tileZoom = -1;
    int m_originX = 0;
    int m_originY = 0;
    double m_planeX = 0;
    double m_planeY = 0;
    double m_planeScale = 1;
    QList<Tile> m_tiles;
};
