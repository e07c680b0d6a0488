// Placeholder: the soa suite.
#include "workbench_fixture.hpp"
