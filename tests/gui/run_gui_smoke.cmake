# Starts the real crosswalk-gui in a real window under Xvfb for a few frames.
#   -DXVFB_RUN -DCLI -DGUI -DWORK_DIR
cmake_minimum_required(VERSION 3.20)
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
execute_process(COMMAND env -u CROSSWALK_PLUGIN_PATH -u CROSSWALK_PACK_PATH "${CLI}" --db "${WORK_DIR}/w.db" init RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "crosswalk init failed: ${err}")
endif()
# Under the sanitizer preset, Mesa's GL driver leaks on exit (an unloaded module
# LeakSanitizer cannot even name); that is not ours to fix, so leak checks are
# off for this process only.
if(DEFINED ENV{ASAN_OPTIONS})
  set(ENV{ASAN_OPTIONS} "$ENV{ASAN_OPTIONS}:detect_leaks=0")
endif()
# Settings go to a private config dir, and must be written there on exit.
set(ENV{XDG_CONFIG_HOME} "${WORK_DIR}/config")
execute_process(
  COMMAND "${XVFB_RUN}" -a -s "-screen 0 1280x800x24" "${GUI}" --db "${WORK_DIR}/w.db" --frames 5
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 90)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "crosswalk-gui under Xvfb failed (${rc}):\n${out}\n${err}")
endif()
if(NOT EXISTS "${WORK_DIR}/config/crosswalk/gui.json" OR NOT EXISTS "${WORK_DIR}/config/crosswalk/imgui.ini")
  message(FATAL_ERROR "crosswalk-gui did not save gui.json and imgui.ini under XDG_CONFIG_HOME")
endif()
