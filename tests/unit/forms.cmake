# Checklist templates: the parser and the bundled templates, and answer validation.
qs_add_qtest(tst_formtemplate SOURCES unit/tst_formtemplate.cpp LIBS qs_domain qs_storage) # + the reference regions
qs_add_qtest(tst_formvalidation SOURCES unit/tst_formvalidation.cpp LIBS qs_domain)
qs_add_qtest(tst_validationtext SOURCES unit/tst_validationtext.cpp LIBS qs_backend)
