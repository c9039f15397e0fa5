# Refusals as codes (every service) and invites: `qingshui-server invite` (enrolment code and
# QR code), Auth.Enrol and Login with their throttle (schema 7), --require-invite.
pkg_check_modules(QS_QRENCODE REQUIRED IMPORTED_TARGET GLOBAL libqrencode)   # the QR matrix
find_package(PNG REQUIRED GLOBAL)                                           # the QR image file
target_sources(qs_server PRIVATE
    refusalstatus.h refusalstatus.cpp
    loopback.h
    invitestore.h sqliteinvitestore.h sqliteinvitestore.cpp
    guessbackoff.h guessbackoff.cpp
    guessthrottle.h guessthrottle.cpp
    loginworkers.h loginworkers.cpp queuedunary.h
    inviteredeemer.h inviteredeemer.cpp
    certificatefingerprint.h certificatefingerprint.cpp
    qrpng.h qrpng.cpp
    invitecommands.h invitecommands.cpp)
target_link_libraries(qs_server PRIVATE qs_enrolmentcode PkgConfig::QS_QRENCODE PNG::PNG)
# The operator's guide and the systemd unit (platforms/server).
install(FILES ${PROJECT_SOURCE_DIR}/platforms/server/README.md
              ${PROJECT_SOURCE_DIR}/platforms/server/qingshui-server.service
        DESTINATION share/doc/qingshui/server)
