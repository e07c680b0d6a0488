# The real crosswalk-gui under Xvfb writes a screenshot of the overlap view, then of
# the workbench views on the demo workspace (`crosswalk demo`); each PNG must have the
# window's size and several distinct colours.
#   -DXVFB_RUN -DCLI -DGUI -DPNG_CHECK -DWORK_DIR
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH "${CLI}" --db "${WORK_DIR}/w.db" init RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "crosswalk init failed: ${err}")
endif()
if(DEFINED ENV{ASAN_OPTIONS})
  set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
endif()
# A private config dir: a screenshot must neither read nor write the user's settings.
set(ENV{XDG_CONFIG_HOME} "${WORK_DIR}/config")
execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1400x900x24" "${GUI}" --db "${WORK_DIR}/w.db"
          --view overlap --screenshot "${WORK_DIR}/overlap.png" --frames 5
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "crosswalk-gui --screenshot under Xvfb failed (${rc}):\n${out}\n${err}")
endif()
if(EXISTS "${WORK_DIR}/config/crosswalk/gui.json")
  message(FATAL_ERROR "--screenshot wrote the user's settings")
endif()
# The header by hand (signature and IHDR), the pixels by the decoder.
file(READ "${WORK_DIR}/overlap.png" head LIMIT 24 HEX)
string(SUBSTRING "${head}" 0 16 signature)
string(SUBSTRING "${head}" 24 8 chunk)
string(SUBSTRING "${head}" 32 8 width)
string(SUBSTRING "${head}" 40 8 height)
if(NOT signature STREQUAL "89504e470d0a1a0a" OR NOT chunk STREQUAL "49484452")
  message(FATAL_ERROR "overlap.png is not a PNG: ${head}")
endif()
# 1280 x 800, the screenshot window's size.
if(NOT width STREQUAL "00000500" OR NOT height STREQUAL "00000320")
  message(FATAL_ERROR "overlap.png is not 1280x800: IHDR ${width} ${height}")
endif()
execute_process(COMMAND "${PNG_CHECK}" "${WORK_DIR}/overlap.png" 1280 800 24
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "overlap.png: ${out}${err}")
endif()
message(STATUS "${out}")

# The workbench views on the demo organization, judged at the demo's own day.
execute_process(COMMAND env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH "${CLI}" --db "${WORK_DIR}/demo.db" demo
                        --today 2026-06-15
  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "crosswalk demo failed: ${err}")
endif()
foreach(view IN ITEMS evidence readiness risks timeline)
  execute_process(
    COMMAND "${XVFB_RUN}" -a -s "-screen 0 1400x900x24" "${GUI}" --db "${WORK_DIR}/demo.db" --today 2026-06-15
            --view ${view} --screenshot "${WORK_DIR}/${view}.png" --frames 5
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "crosswalk-gui --view ${view} --screenshot failed (${rc}):\n${out}\n${err}")
  endif()
  # The coloured chips, bars and cells of a workbench view: more colours than a text table.
  execute_process(COMMAND "${PNG_CHECK}" "${WORK_DIR}/${view}.png" 1280 800 64
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${view}.png: ${out}${err}")
  endif()
  message(STATUS "${out}")
endforeach()
