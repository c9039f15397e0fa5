# Operations: the call log (one line per call), the health service and online back-ups.
target_sources(qs_server PRIVATE
    callidentities.h callidentities.cpp
    linewriter.h linewriter.cpp
    calllog.h calllog.cpp
    healthprobe.h
    sqlitehealthprobe.h sqlitehealthprobe.cpp
    healthwatch.h healthwatch.cpp
    healthcommand.h healthcommand.cpp
    sqlitebackup.h sqlitebackup.cpp
    backupcommand.h backupcommand.cpp)
find_package(SQLite3 REQUIRED) # the backup API, on the file the server's Qt SQL driver uses
target_link_libraries(qs_server PRIVATE SQLite::SQLite3)
