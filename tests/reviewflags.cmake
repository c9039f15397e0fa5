# What a reviewer needs to trust a record (issue 13): the flags and their words, the
# confirmation asked with photos missing, the round trip through a real server, and the
# supervisor's pages through the real QML (after tst_qml exists).
qs_add_qtest(tst_reviewflags SOURCES unit/tst_reviewflags.cpp LIBS qs_backend)
qs_add_qtest(tst_reviewflagsync SOURCES integration/tst_reviewflagsync.cpp
             LIBS qs_backend qs_proto)
add_dependencies(tst_reviewflagsync qingshui-server)

# The supervisor's queue and record view through the real QML, on a store a real server fills
# from the inspectors' own tablet stores. Its test file is not named tst_*.qml: tst_qml scans
# tests/qml and its subfolders for those, and runs them offline in inspector mode.
qt_add_executable(tst_qml_reviewflags qml/flags/tst_qml_reviewflags.cpp qml/flags/flagseed.h)
target_include_directories(tst_qml_reviewflags PRIVATE support)
target_link_libraries(tst_qml_reviewflags PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2)
target_compile_definitions(tst_qml_reviewflags PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>")
add_dependencies(tst_qml_reviewflags qingshui-server)
add_test(NAME tst_qml_reviewflags
         COMMAND tst_qml_reviewflags -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/flags/reviewflags_test.qml)
set_tests_properties(tst_qml_reviewflags PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
