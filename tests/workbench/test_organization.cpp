// Placeholder: the organization suite.
#include "workbench_fixture.hpp"
