// Placeholder: the audit suite.
#include "workbench_fixture.hpp"
