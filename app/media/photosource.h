#pragma once

#include "photoproblem.h"

#include <QImage>
#include <QObject>
#include <QString>

// Where photos come from: the device camera, a file the inspector picks, or a fake in tests.
// Whatever arrives goes to PhotoStore: frames to importImage(), files to importFile(), which
// do the checking, so a source only hands over what it got.
class PhotoSource : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString sourceName() const = 0; // "camera", "file", ...
    virtual bool available() const = 0;
    // Why available() is false (the app words it: PhotoProblemText); empty when available.
    virtual PhotoProblem unavailableReason() const = 0;
    // Asks for one photo. Answered by exactly one of imageCaptured, fileChosen or failed,
    // possibly before this returns.
    virtual void requestPhoto() = 0;

signals:
    void imageCaptured(const QImage &image);
    void fileChosen(const QString &path);
    void failed(const PhotoProblem &problem);
    void availableChanged();
};
