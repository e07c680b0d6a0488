// Placeholder: the readiness suite.
#include "workbench_fixture.hpp"
