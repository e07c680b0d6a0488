# crosswalk::warnings — the project's warning set, linked PRIVATE by our own
# targets (never forced on consumers or on plugins built out of tree).
add_library(crosswalk_warnings INTERFACE)
add_library(crosswalk::warnings ALIAS crosswalk_warnings)
target_compile_options(crosswalk_warnings INTERFACE
  $<$<COMPILE_LANG_AND_ID:CXX,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
      -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
      -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough>
  $<$<COMPILE_LANG_AND_ID:C,GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wconversion>)
