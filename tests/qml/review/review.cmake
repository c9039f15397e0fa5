# The supervisor's review pages against a real server: records and photos come from
# inspectors' tablets by sync (issue 13), never copied into the supervisor's store by hand.
# The test files are not named tst_*.qml: tst_qml runs those, offline, without a server.
qt_add_executable(tst_qml_review qml/review/tst_qml_review.cpp qml/review/reviewsyncseed.h)
target_include_directories(tst_qml_review PRIVATE support qml/review)
target_link_libraries(tst_qml_review PRIVATE qs_backend qs_backendplugin qs_ui qs_uiplugin
                      Qt6::QuickTest Qt6::QuickControls2 Qt6::Widgets Qt6::Test)
target_compile_definitions(tst_qml_review PRIVATE
    QINGSHUI_SERVER_PATH="$<TARGET_FILE:qingshui-server>")
add_dependencies(tst_qml_review qingshui-server)
foreach(page queue decide photos)
    add_test(NAME tst_qml_review_${page}
             COMMAND tst_qml_review -input ${CMAKE_CURRENT_SOURCE_DIR}/qml/review/review_${page}_test.qml)
    set_tests_properties(tst_qml_review_${page} PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}"
                         TIMEOUT 300)
endforeach()
