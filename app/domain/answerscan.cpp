#include "answerscan.h"

#include "jsonreader.h"

bool scanAnswers(QByteArrayView json,
                 const std::function<void(QByteArrayView id, QByteArrayView value)> &visit)
{
    JsonReader r(json);
    if (!r.enterObject())
        return false;
    QByteArrayView key;
    while (r.nextMember(&key)) {
        // Only "answers" is read member by member; everything else is only checked.
        if (key == "answers" && r.peek() == JsonReader::Kind::Object) {
            r.enterObject();
            QByteArrayView id;
            QByteArrayView value;
            while (r.nextMember(&id)) {
                if (!r.skipValue(&value))
                    return false;
                visit(id, value);
            }
        } else if (!r.skipValue()) {
            return false;
        }
    }
    return r.atEnd();
}
