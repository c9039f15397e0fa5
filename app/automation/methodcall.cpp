#include "methodcall.h"

#include <QMetaMethod>
#include <QMetaObject>
#include <QObject>
#include <array>

namespace MethodCall {

namespace {

constexpr int kMaxArgs = 10; // what QMetaMethod::invoke takes

QMetaMethod findMethod(const QObject *object, const QByteArray &name, int argCount)
{
    const QMetaObject *meta = object->metaObject();
    for (int i = meta->methodCount() - 1; i >= 0; --i) { // the most derived first
        const QMetaMethod method = meta->method(i);
        if (method.name() == name && method.parameterCount() == argCount
            && method.methodType() != QMetaMethod::Signal)
            return method;
    }
    return {};
}

} // namespace

bool invoke(QObject *object, const QString &methodName, const QJsonArray &args, QVariant *result,
            QString *error)
{
    if (args.size() > kMaxArgs) {
        *error = QStringLiteral("at most %1 arguments").arg(kMaxArgs);
        return false;
    }
    const QMetaMethod method = findMethod(object, methodName.toUtf8(), int(args.size()));
    if (!method.isValid()) {
        *error = QStringLiteral("%1 has no method %2 taking %3 argument(s)")
                     .arg(QString::fromLatin1(object->metaObject()->className()), methodName)
                     .arg(args.size());
        return false;
    }
    // Each argument as a QVariant of the parameter's type; QVariant parameters (QML
    // functions) take the variant itself.
    std::array<QVariant, kMaxArgs> values;
    std::array<QGenericArgument, kMaxArgs> generic;
    for (int i = 0; i < args.size(); ++i) {
        const QMetaType type = method.parameterMetaType(i);
        values[i] = args.at(i).toVariant();
        if (type == QMetaType::fromType<QVariant>()) {
            generic[i] = QGenericArgument("QVariant", &values[i]);
            continue;
        }
        if (!values[i].convert(type)) {
            *error = QStringLiteral("argument %1 does not convert to %2")
                         .arg(i + 1)
                         .arg(QString::fromLatin1(type.name()));
            return false;
        }
        generic[i] = QGenericArgument(type.name(), values[i].constData());
    }
    const QMetaType returnType = method.returnMetaType();
    QVariant returned;
    QGenericReturnArgument returnArg;
    if (returnType == QMetaType::fromType<QVariant>()) {
        returnArg = QGenericReturnArgument("QVariant", &returned);
    } else if (returnType.isValid() && returnType != QMetaType::fromType<void>()) {
        returned = QVariant(returnType);
        returnArg = QGenericReturnArgument(returnType.name(), returned.data());
    }
    const bool ok = method.invoke(object, Qt::DirectConnection, returnArg, generic[0], generic[1],
                                  generic[2], generic[3], generic[4], generic[5], generic[6],
                                  generic[7], generic[8], generic[9]);
    if (!ok) {
        *error = QStringLiteral("calling %1 failed").arg(methodName);
        return false;
    }
    *result = returned;
    return true;
}

} // namespace MethodCall
