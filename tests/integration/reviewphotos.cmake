# A supervisor's photos arrive by sync (issue 13): background fetch after the pull, a record
# view first, the budget, a corrupt blob, and a full disk (a driver process under a limit).
qt_add_executable(photofetchdriver integration/photofetchdriver.cpp)
target_link_libraries(photofetchdriver PRIVATE qs_backend)
qs_add_qtest(tst_reviewphotos SOURCES integration/tst_reviewphotos.cpp LIBS qs_sync qs_media Qt6::Network)
target_compile_definitions(tst_reviewphotos PRIVATE
    QS_PHOTOFETCHDRIVER_PATH="$<TARGET_FILE:photofetchdriver>")
add_dependencies(tst_reviewphotos photofetchdriver qingshui-server)
# The ZIP of photos with the photos come by sync; unzip reads every ZIP.
qs_add_qtest(tst_photozipexport SOURCES integration/tst_photozipexport.cpp LIBS qs_backend)
add_dependencies(tst_photozipexport qingshui-server)
