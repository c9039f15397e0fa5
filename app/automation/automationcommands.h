#pragma once

#include <QJsonObject>

// The commands of the automation hook: one JSON object in ({"cmd": …}), one out, with "ok"
// (and "error" when false) and the command's "id" if it had one. An object is named by a
// selector under "target" (see itemquery.h), e.g. {"cmd":"click","target":{"name":"x"}}.
//   ping                                   → {}
//   windows                                → windows: [{title, type, width, height, active}]
//   find      target                       → items: [{path, type, name, text, visible, …}]
//   get       target, property | properties: [...]     → value | values: {…}
//             (a property may go through object-valued ones: "popup.visible")
//   set       target, property, value      → {}
//   click     target | x, y                → at: {x, y}  (the centre of its part on screen)
//   press / move / release   target | x, y              (one finger: hold, drag, let go)
//   reveal    target                       → scrolls the Flickables around it to show it
//   type      [target], text               → taps the target first when one is named
//   key       key ("Tab", "Return", "Ctrl+A")
//   texts     [scrolled: true]             → texts: [{text, path, x, y, …, onScreen, editable}]
//   grab      file [, target]              → width, height (the window as a PNG)
//   invoke    target, method [, args]      → value
//   quit      [code]                       → ends the app's event loop after answering
namespace AutomationCommands {

QJsonObject run(const QJsonObject &command);

} // namespace AutomationCommands
