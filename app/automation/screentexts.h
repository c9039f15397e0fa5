#pragma once

#include <QJsonArray>

// Every text the windows show, each with where it sits: {text, path, x, y, width, height,
// onScreen, editable (a field the user types into)}. Read from the items that draw text (Text,
// TextInput, TextEdit: controls draw their labels, placeholders and display texts through these),
// when shown (visible, not transparent). With scrolledAway, also those a scroll or a clip hides
// right now, which a swipe would bring into view. A password field gives what it shows (its mask).
namespace ScreenTexts {

QJsonArray collect(bool includeScrolledAway);

} // namespace ScreenTexts
