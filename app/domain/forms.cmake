# Checklist templates as versioned data: the parser, answer validation and the bundled
# templates (one JSON file per template, see data/templates/README.md).
target_sources(qs_core PRIVATE
    domain/formtemplate.h domain/formtemplate.cpp
    domain/formvalidation.h domain/formvalidation.cpp
    domain/templatecatalog.h domain/templatecatalog.cpp)

file(GLOB QS_FORM_TEMPLATES RELATIVE ${CMAKE_CURRENT_SOURCE_DIR}
     CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/data/templates/*.json)
qt_add_resources(qs_core form_templates
    PREFIX /qingshui/templates
    BASE data/templates
    FILES ${QS_FORM_TEMPLATES})
