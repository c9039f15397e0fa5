#pragma once

#include "domain/formtemplate.h"

#include <QByteArray>
#include <QList>
#include <QString>

// The checklist templates shipped inside the app (app/data/templates, resource prefix
// :/qingshui/templates). Any bad file fails the whole load: a broken template is a build
// defect, never something to skip silently in the field.

// Every *.json in dir, by file name; empty with *error set on the first bad file, on a
// repeated (id, version), or when there are none.
QList<FormTemplate> loadTemplates(const QString &dir, QString *error);
QList<FormTemplate> loadBundledTemplates(QString *error);

// The bundled files' bytes, same order, each checked to parse: what a template store keeps.
QList<QByteArray> bundledTemplateDefinitions(QString *error);
