# Invites and enrolment through real servers with TLS, the refusal codes of every service,
# and their wording in both languages (unit).
qs_add_qtest(tst_enrolment SOURCES integration/tst_enrolment.cpp
             LIBS qs_sync qs_proto Qt6::Gui ZXing::ZXing) # reads the QR code back
add_dependencies(tst_enrolment qingshui-server)
qs_add_qtest(tst_refusals SOURCES integration/tst_refusals.cpp LIBS qs_backend qs_proto)
add_dependencies(tst_refusals qingshui-server)
qs_add_qtest(tst_refusaltext SOURCES unit/tst_refusaltext.cpp LIBS qs_backend)
target_compile_definitions(tst_refusaltext PRIVATE QS_SYNC_DOC="${PROJECT_SOURCE_DIR}/docs/sync.md")
# Who gets through Login: its throttle (shared with Enrol) and --require-invite, through real
# servers; the throttle's limits and the device rule on a server database (unit).
qs_add_qtest(tst_guessthrottle SOURCES unit/tst_guessthrottle.cpp LIBS qs_server)
qs_add_qtest(tst_logingate SOURCES integration/tst_logingate.cpp LIBS qs_sync qs_proto)
add_dependencies(tst_logingate qingshui-server)
# Login under attack: an attacker elsewhere, 200 logins at once, a busy server, the same answer
# for unknown, wrong and disabled, tokens dead after `user disable`.
qs_add_qtest(tst_loginattack SOURCES integration/tst_loginattack.cpp LIBS qs_sync qs_proto)
add_dependencies(tst_loginattack qingshui-server)
