#pragma once

#include <QElapsedTimer>
#include <QMetaProperty>
#include <QObject>

// When a QML item's property last said it changed (its NOTIFY signal), on a clock started
// by start(): what a bench stops its clock at when the item is set by the code it times.
class NotifyClock : public QObject {
    Q_OBJECT
public:
    NotifyClock(QObject *target, const char *property, QObject *parent = nullptr) : QObject(parent)
    {
        const QMetaObject *meta = target->metaObject();
        const QMetaProperty p = meta->property(meta->indexOfProperty(property));
        m_connected = p.hasNotifySignal()
            && connect(target, p.notifySignal(), this,
                       metaObject()->method(metaObject()->indexOfSlot("notified()")));
    }

    bool connected() const { return m_connected; }
    void start()
    {
        m_lastNs = -1;
        m_clock.start();
    }
    // Nanoseconds from start() to the last notification since; -1 if none came.
    qint64 lastNs() const { return m_lastNs; }

public slots:
    void notified() { m_lastNs = m_clock.nsecsElapsed(); }

private:
    QElapsedTimer m_clock;
    qint64 m_lastNs = -1;
    bool m_connected = false;
};
