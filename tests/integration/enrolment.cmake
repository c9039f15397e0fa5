# Invites and enrolment through real servers with TLS, and the refusal codes of every service.
find_package(ZXing REQUIRED)   # the test reads the invite's QR code back (zxing-cpp)
qs_add_qtest(tst_enrolment SOURCES integration/tst_enrolment.cpp
             LIBS qs_sync qs_proto Qt6::Gui ZXing::ZXing)
add_dependencies(tst_enrolment qingshui-server)
qs_add_qtest(tst_refusals SOURCES integration/tst_refusals.cpp LIBS qs_backend qs_proto)
add_dependencies(tst_refusals qingshui-server)
