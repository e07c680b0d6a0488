# Builds each layering probe (a lower layer including a higher layer's header) and expects the
# compiler to refuse it because the header is not on that layer's include path; then builds the
# control probe (the same headers from the workbench, which may include them) and expects success.
#   -DBUILD_DIR=… -DPROBES="target|header;…" -DCONTROL=target
foreach(probe IN LISTS PROBES)
  string(REPLACE "|" ";" parts "${probe}")
  list(GET parts 0 target)
  list(GET parts 1 header)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${target}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc EQUAL 0)
    message(FATAL_ERROR "${target}: including <crosswalk/${header}> compiled; the layer below must not see it")
  endif()
  # GCC: "crosswalk/x.hpp: No such file or directory"; Clang: "'crosswalk/x.hpp' file not found".
  string(REPLACE "." "[.]" pattern "crosswalk/${header}")
  string(REGEX MATCH "${pattern}(: No such file or directory|' file not found)" found "${out}${err}")
  if(NOT found)
    message(FATAL_ERROR "${target}: failed, but not for the missing <crosswalk/${header}>:\n${out}${err}")
  endif()
  message(STATUS "${target}: refused <crosswalk/${header}>, as it should")
endforeach()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${CONTROL}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${CONTROL}: the workbench could not include the probed headers:\n${out}${err}")
endif()
message(STATUS "${CONTROL}: the workbench includes them all")
