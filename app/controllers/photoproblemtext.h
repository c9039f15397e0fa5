#pragma once

#include "media/photoproblem.h"

#include <QCoreApplication>
#include <QString>

// What went wrong with a photo (the camera, an imported file, a stored photo), in the
// language of the moment: Chinese source text, English in the .ts.
class PhotoProblemText {
    Q_DECLARE_TR_FUNCTIONS(PhotoProblemText)
public:
    // Empty for no problem; a code this version does not know is named as it is.
    static QString describe(const PhotoProblem &problem);
};
