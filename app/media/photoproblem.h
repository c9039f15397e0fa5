#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

// What went wrong with a photo (the camera, an import, a stored file), as a code and the
// arguments its wording needs. PhotoProblemText (app/controllers) words it in the language
// of the moment; toString() is for logs.
struct PhotoProblem {
    QString code; // one of PhotoProblemCode; empty: nothing went wrong
    QStringList args;

    bool isEmpty() const { return code.isEmpty(); }
    QString toString() const
    {
        return args.isEmpty() ? code
                              : code + QStringLiteral(": ") + args.join(QStringLiteral(", "));
    }
};

namespace PhotoProblemCode {
// The camera.
constexpr const char *kNoCamera = "no_camera";
constexpr const char *kNoPermission = "camera_permission";
constexpr const char *kCaptureBusy = "capture_busy"; // the last photo is still being taken
constexpr const char *kCameraClosed = "camera_closed"; // closed before the photo was taken
constexpr const char *kCaptureFailed = "capture_failed"; // args: the camera's words
constexpr const char *kCameraError = "camera_error"; // args: the camera's words
constexpr const char *kNoImage = "no_image"; // the camera gave no picture
// Reading a picture file; args: its file name first.
constexpr const char *kFileMissing = "file_missing";
constexpr const char *kNotAFile = "not_a_file";
constexpr const char *kCannotOpen = "cannot_open"; // args: name, the system's words
constexpr const char *kFileEmpty = "file_empty";
constexpr const char *kUnknownFormat = "unknown_format";
constexpr const char *kTruncated = "truncated"; // a JPEG cut off before its end
constexpr const char *kCorruptData = "corrupt_data"; // args: name, the decoder's words
constexpr const char *kUndecodable = "undecodable"; // args: name, the decoder's words
// Storing a photo.
constexpr const char *kNoPhotoFolder = "no_photo_folder";
constexpr const char *kNeedsGui = "needs_gui";
constexpr const char *kEncodeFailed = "encode_failed"; // args: the encoder's words
constexpr const char *kCannotWrite = "cannot_write"; // args: path, the system's words
constexpr const char *kCannotCreateFolder = "cannot_create_folder"; // args: path
// A stored photo.
constexpr const char *kBadPhotoId = "bad_photo_id"; // args: the id
constexpr const char *kPhotoMissing = "photo_missing"; // args: path
constexpr const char *kPhotoCorrupt = "photo_corrupt"; // bytes and name disagree; args: path
} // namespace PhotoProblemCode

Q_DECLARE_METATYPE(PhotoProblem)
