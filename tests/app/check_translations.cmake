# Fails when the English translation has a message left untranslated.
# cmake -DTS=path/to/qingshui_en.ts -P check_translations.cmake
file(READ "${TS}" ts)
string(REGEX MATCHALL "<message>" messages "${ts}")
list(LENGTH messages total)
string(REGEX MATCHALL "type=\"unfinished\"|<translation></translation>|type=\"vanished\"" open "${ts}")
list(LENGTH open missing)
if(total EQUAL 0)
    message(FATAL_ERROR "${TS}: no messages at all")
endif()
if(missing GREATER 0)
    message(FATAL_ERROR "${TS}: ${missing} of ${total} messages are not translated "
                        "(run the update_translations target and translate them)")
endif()
message(STATUS "${TS}: all ${total} messages translated")
