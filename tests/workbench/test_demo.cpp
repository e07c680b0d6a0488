// Placeholder: the demo suite.
#include "workbench_fixture.hpp"
