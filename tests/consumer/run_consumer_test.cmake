# SDK consumer test (cmake -P): install Crosswalk into a scratch prefix, build
# plugins/example out of tree against the installed package only, then load
# the result with the installed `crosswalk`.
#   -DBUILD_DIR -DSOURCE_DIR -DWORK_DIR -DGENERATOR -DLIBDIR -DDATADIR
cmake_minimum_required(VERSION 3.20)

function(step description)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${description} failed (${rc}):\n${out}\n${err}")
  endif()
  set(STEP_OUTPUT "${out}" PARENT_SCOPE)
  set(STEP_ERROR "${err}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

step("install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(installed
    "include/crosswalk/plugin_abi.h" "include/crosswalk/plugin.hpp"
    "${LIBDIR}/cmake/Crosswalk/CrosswalkConfig.cmake" "${LIBDIR}/cmake/Crosswalk/CrosswalkConfigVersion.cmake"
    "${DATADIR}/crosswalk/schema/catalog.schema.json" "${DATADIR}/crosswalk/schema/pack.schema.json"
    "bin/crosswalk" "${LIBDIR}/crosswalk/plugins/example.so")
  if(NOT EXISTS "${prefix}/${installed}")
    message(FATAL_ERROR "install is missing ${installed}")
  endif()
endforeach()

# Configure with nothing but the installed prefix to find the SDK.
step("configure the example out of tree"
  "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/plugins/example" -B "${WORK_DIR}/example-build" -G "${GENERATOR}"
  -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_PACKAGE_NO_PACKAGE_REGISTRY=ON)
file(READ "${WORK_DIR}/example-build/CMakeCache.txt" cache)
if(NOT cache MATCHES "Crosswalk_DIR:PATH=${prefix}/${LIBDIR}/cmake/Crosswalk")
  message(FATAL_ERROR "the out-of-tree build did not use the installed package")
endif()
step("build the example out of tree" "${CMAKE_COMMAND}" --build "${WORK_DIR}/example-build")

set(plugin "${WORK_DIR}/example-build/example.so")
set(crosswalk "${prefix}/bin/crosswalk")
step("verify-plugin" "${crosswalk}" verify-plugin "${plugin}")
if(NOT STEP_OUTPUT MATCHES "OK — example 1.0.0 \\(ABI 1.0\\), 1 framework\\(s\\), 12 controls")
  message(FATAL_ERROR "unexpected verify-plugin output: ${STEP_OUTPUT}")
endif()

step("plugins" "${crosswalk}" --db "${WORK_DIR}/w.db" --no-default-plugins --plugins "${WORK_DIR}/example-build"
  plugins --json)
string(JSON status GET "${STEP_OUTPUT}" plugins 0 status)
string(JSON file GET "${STEP_OUTPUT}" plugins 0 file)
if(NOT status STREQUAL "loaded" OR NOT file STREQUAL plugin)
  message(FATAL_ERROR "the out-of-tree plugin did not load: ${STEP_OUTPUT}")
endif()

# The installed binary finds the installed plugins relative to itself.
step("init with installed plugins" env -u CROSSWALK_PLUGIN_PATH "${crosswalk}" --db "${WORK_DIR}/w.db" init --json)
string(JSON count LENGTH "${STEP_OUTPUT}" plugins)
set(found_example FALSE)
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON id GET "${STEP_OUTPUT}" plugins ${i} id)
  string(JSON status GET "${STEP_OUTPUT}" plugins ${i} status)
  string(JSON file GET "${STEP_OUTPUT}" plugins ${i} file)
  if(id STREQUAL "example" AND status STREQUAL "loaded" AND file MATCHES "^${prefix}/")
    set(found_example TRUE)
  endif()
endforeach()
if(NOT found_example)
  message(FATAL_ERROR "the installed crosswalk did not load its installed plugins: ${STEP_OUTPUT}")
endif()
# ... and its installed mapping packs.
string(JSON pack_count LENGTH "${STEP_OUTPUT}" packs)
if(pack_count LESS 1)
  message(FATAL_ERROR "the installed crosswalk found no mapping packs: ${STEP_OUTPUT}")
endif()
message(STATUS "SDK consumer test passed: ${count} installed plugin(s) found; out-of-tree example loaded")
