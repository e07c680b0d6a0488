// Placeholder: the evidence suite.
#include "workbench_fixture.hpp"
