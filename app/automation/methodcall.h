#pragma once

#include <QJsonArray>
#include <QVariant>

class QObject;

// Calls an invokable method of a QML object (a QML function, a slot, a Q_INVOKABLE) by
// name with JSON arguments, converted to the parameter types. For the few steps no gesture
// can do offscreen, such as accepting a file dialog; a test says where it uses one and why.
namespace MethodCall {

// false with *error set if there is no such method for that many arguments, an argument
// does not convert, or the call fails.
bool invoke(QObject *object, const QString &method, const QJsonArray &args, QVariant *result,
            QString *error);

} // namespace MethodCall
