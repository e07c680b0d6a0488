// Placeholder: the timeline suite.
#include "workbench_fixture.hpp"
