# The kiosk shell: config, PIN, --set-kiosk-pin and the idle watch (C++), and its QML tests
# (tests/kiosk/tst_shell_*.qml, also run by tst_qml_kiosk) each as a kiosk-shell_* test.
qs_add_qtest(tst_kioskshell SOURCES kiosk/tst_kioskshell.cpp LIBS qs_backend)
add_dependencies(tst_kioskshell qingshui) # --set-kiosk-pin through the real executable
add_test(NAME kiosk-shell_cpp COMMAND tst_kioskshell)
set_tests_properties(kiosk-shell_cpp PROPERTIES ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
file(GLOB QS_KIOSK_SHELL_QML_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/kiosk/tst_shell_*.qml)
foreach(test_file ${QS_KIOSK_SHELL_QML_TESTS})
    get_filename_component(test_name ${test_file} NAME_WE)
    add_test(NAME kiosk-shell_${test_name} COMMAND tst_qml_kiosk -input ${test_file})
    set_tests_properties(kiosk-shell_${test_name} PROPERTIES
        ENVIRONMENT "${QS_HEADLESS_ENV}" TIMEOUT 300)
endforeach()
