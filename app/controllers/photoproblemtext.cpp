#include "photoproblemtext.h"

namespace Code = PhotoProblemCode;

QString PhotoProblemText::describe(const PhotoProblem &problem)
{
    const QString &code = problem.code;
    const QString a = problem.args.value(0);
    const QString b = problem.args.value(1);
    if (code.isEmpty())
        return {};
    // The camera.
    if (code == QLatin1String(Code::kNoCamera))
        return tr("此设备没有摄像头，请从文件导入照片");
    if (code == QLatin1String(Code::kNoPermission))
        return tr("没有相机权限，请在系统设置中允许，或从文件导入照片");
    if (code == QLatin1String(Code::kCaptureBusy))
        return tr("上一张照片还在拍摄中");
    if (code == QLatin1String(Code::kCameraClosed))
        return tr("相机已关闭，照片没有拍摄");
    if (code == QLatin1String(Code::kCaptureFailed))
        return tr("拍照失败：%1").arg(a);
    if (code == QLatin1String(Code::kCameraError))
        return tr("相机错误：%1").arg(a);
    if (code == QLatin1String(Code::kNoImage))
        return tr("拍照失败：相机没有给出图像");
    // A picture file.
    if (code == QLatin1String(Code::kFileMissing))
        return tr("无法读取图片 %1：文件不存在").arg(a);
    if (code == QLatin1String(Code::kNotAFile))
        return tr("无法读取图片 %1：不是文件").arg(a);
    if (code == QLatin1String(Code::kCannotOpen))
        return tr("无法读取图片 %1：无法打开文件（%2）").arg(a, b);
    if (code == QLatin1String(Code::kFileEmpty))
        return tr("无法读取图片 %1：文件为空").arg(a);
    if (code == QLatin1String(Code::kUnknownFormat))
        return tr("无法读取图片 %1：不是可识别的图片格式").arg(a);
    if (code == QLatin1String(Code::kTruncated))
        return tr("无法读取图片 %1：图片文件不完整（JPEG 数据被截断）").arg(a);
    if (code == QLatin1String(Code::kCorruptData))
        return tr("无法读取图片 %1：图片数据已损坏（%2）").arg(a, b);
    if (code == QLatin1String(Code::kUndecodable))
        return tr("无法读取图片 %1：图片无法解码（%2）").arg(a, b);
    // Storing it.
    if (code == QLatin1String(Code::kNoPhotoFolder))
        return tr("无法保存照片：没有设置照片文件夹");
    if (code == QLatin1String(Code::kNeedsGui))
        return tr("无法处理照片：需要 QGuiApplication");
    if (code == QLatin1String(Code::kEncodeFailed))
        return tr("无法保存照片：JPEG 编码失败（%1）").arg(a);
    if (code == QLatin1String(Code::kCannotWrite))
        return tr("无法保存照片：无法写入 %1（%2）").arg(a, b);
    if (code == QLatin1String(Code::kCannotCreateFolder))
        return tr("无法保存照片：无法创建文件夹 %1").arg(a);
    // A stored photo.
    if (code == QLatin1String(Code::kBadPhotoId))
        return tr("不是有效的照片编号：%1").arg(a);
    if (code == QLatin1String(Code::kPhotoMissing))
        return tr("照片不存在：%1").arg(a);
    if (code == QLatin1String(Code::kPhotoCorrupt))
        return tr("照片已损坏（内容与编号不符）：%1").arg(a);
    return tr("照片出错（%1）").arg(problem.toString());
}
