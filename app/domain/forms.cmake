# Checklist templates as versioned data: the parser, answer validation and the bundled
# templates (one JSON file per template, see data/templates/README.md).
# The parser alone is Qt Core (qs_formtemplate): the server reads the same templates when it
# decides which answers a public copy may keep.
add_library(qs_formtemplate STATIC
    domain/formtemplate.h domain/formtemplate.cpp domain/category.h)
target_include_directories(qs_formtemplate PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(qs_formtemplate PUBLIC Qt6::Core)
target_link_libraries(qs_core PUBLIC qs_formtemplate)
target_sources(qs_core PRIVATE
    domain/formvalidation.h domain/formvalidation.cpp
    domain/templatecatalog.h domain/templatecatalog.cpp)

file(GLOB QS_FORM_TEMPLATES RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}
     CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/data/templates/*.json)
qt_add_resources(qs_core form_templates
    PREFIX /qingshui/templates
    BASE data/templates
    FILES ${QS_FORM_TEMPLATES})
