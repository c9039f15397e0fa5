# The supervisor's dashboard figures and the exports (CSV, GeoJSON, ZIP of photos): the
# queries live in storage/, the 2025 targets in domain/, one writer per format in reports/.
# libzip writes the ZIP of photos. GLOBAL: imported here in app/, but tests/ links qs_core too
# and must see the target.
pkg_check_modules(QS_LIBZIP REQUIRED IMPORTED_TARGET GLOBAL libzip)
target_sources(qs_core PRIVATE
    domain/sanitationtargets.h domain/sanitationtargets.cpp
    domain/answerscan.h domain/answerscan.cpp
    storage/reportselection.h
    storage/dashboardrepository.h storage/dashboardrepository.cpp
    storage/recordexportquery.h storage/recordexportquery.cpp
    reports/exportoutcome.h reports/exportfile.h reports/photozipnames.h reports/exportwords.h
    reports/exportrecordfields.h reports/exportrecordfields.cpp
    reports/csvexport.h reports/csvexport.cpp
    reports/geojsonexport.h reports/geojsonexport.cpp
    reports/exportzip.h reports/exportzip.cpp
    reports/photozipexport.h reports/photozipexport.cpp)
target_link_libraries(qs_core PRIVATE PkgConfig::QS_LIBZIP)
qt_add_resources(qs_core sanitation_targets
    PREFIX /qingshui/targets
    BASE data/targets
    FILES data/targets/sanitation_2025.json)
