// Placeholder: the risk suite.
#include "workbench_fixture.hpp"
