#include "answerwordstext.h"

AnswerWords AnswerWordsText::current()
{
    AnswerWords words;
    words.yes = tr("是");
    words.no = tr("否");
    words.listSeparator = tr("、", "between the options of a multiple-choice answer");
    words.photoCount = [](int n) { return tr("%n 张照片", nullptr, n); };
    words.accuracy = tr("±%1 米");
    return words;
}
