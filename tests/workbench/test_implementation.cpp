// Placeholder: the implementation suite.
#include "workbench_fixture.hpp"
