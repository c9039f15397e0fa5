#pragma once

#include "media/framesource.h"

// There is no camera here: the test hands the 连接服务器 page the frames a camera would,
// through the interface the camera itself implements.
class TestFrameSource : public FrameSource {
    Q_OBJECT
public:
    using FrameSource::FrameSource;

    Availability availability() const override { return Availability::Available; }
    void start(QObject *) override { m_running = true; }
    void stop() override { m_running = false; }
    bool running() const { return m_running; }

    // One viewfinder frame; nothing when the camera is off (as a real one).
    bool feed(const QImage &frame)
    {
        if (!m_running)
            return false;
        emit frameArrived(frame);
        return true;
    }

private:
    bool m_running = false;
};
