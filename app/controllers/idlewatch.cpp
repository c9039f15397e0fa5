#include "controllers/idlewatch.h"

#include <QCoreApplication>
#include <QEvent>

IdleWatch::IdleWatch(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(90 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &IdleWatch::onTimeout);
}

IdleWatch::~IdleWatch()
{
    if (m_running && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleWatch::start()
{
    if (m_running)
        return;
    m_running = true;
    QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void IdleWatch::setTimeoutMs(int ms)
{
    m_timer.setInterval(qMax(1, ms));
    if (m_running && !m_idle)
        m_timer.start(); // count the new time from now
}

bool IdleWatch::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
    case QEvent::TabletPress:
    case QEvent::Wheel:
    case QEvent::KeyPress:
        onActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event); // only watches, never eats an event
}

void IdleWatch::onActivity()
{
    // One press reaches the window and then each item it is delivered to: restarting the
    // timer is cheap, so every delivery counts.
    m_timer.start();
    emit activity();
    if (m_idle) {
        m_idle = false;
        emit becameActive();
    }
}

void IdleWatch::onTimeout()
{
    if (m_idle)
        return;
    m_idle = true;
    emit becameIdle();
}
