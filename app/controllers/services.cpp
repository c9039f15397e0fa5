#include "services.h"

namespace {
Services *s_instance = nullptr;
}

void Services::setInstance(Services *instance)
{
    s_instance = instance;
}

Services *Services::instance()
{
    return s_instance;
}
