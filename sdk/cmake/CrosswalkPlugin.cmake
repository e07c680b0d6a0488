# crosswalk_add_plugin(<name>
#     SOURCES <file>...              plugin code (uses crosswalk/plugin.hpp or plugin_abi.h)
#     CATALOG <file.json>            catalog, embedded into the library
#     [PACKS <file.json>]            mapping packs, embedded into the library
#     [OUTPUT_DIRECTORY <dir>]       default: ${CROSSWALK_PLUGIN_OUTPUT_DIRECTORY}, if set
#     [INSTALL_DESTINATION <dir>]    default: ${CMAKE_INSTALL_LIBDIR}/crosswalk/plugins
#     [NO_INSTALL])
#
# Builds <name>.so as a MODULE with hidden visibility and -Wl,--no-undefined,
# so only cw_plugin_entry is exported and a missing symbol fails at link time.
include_guard(GLOBAL)
include(GNUInstallDirs)

function(crosswalk_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "NO_INSTALL" "CATALOG;PACKS;OUTPUT_DIRECTORY;INSTALL_DESTINATION" "SOURCES")
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "crosswalk_add_plugin(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "crosswalk_add_plugin(${name}): SOURCES is required")
  endif()
  if(NOT ARG_CATALOG)
    message(FATAL_ERROR "crosswalk_add_plugin(${name}): CATALOG is required")
  endif()

  get_filename_component(catalog "${ARG_CATALOG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${catalog}")
    message(FATAL_ERROR "crosswalk_add_plugin(${name}): catalog ${catalog} does not exist")
  endif()
  set(depends "${catalog}")
  set(packs_arg "")
  if(ARG_PACKS)
    get_filename_component(packs "${ARG_PACKS}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND depends "${packs}")
    set(packs_arg "-DPACKS=${packs}")
  endif()

  get_property(languages GLOBAL PROPERTY ENABLED_LANGUAGES)
  if("CXX" IN_LIST languages)
    set(embedded "${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.cpp")
  else()
    set(embedded "${CMAKE_CURRENT_BINARY_DIR}/${name}_embedded.c")
  endif()
  add_custom_command(
    OUTPUT "${embedded}"
    COMMAND "${CMAKE_COMMAND}" "-DCATALOG=${catalog}" ${packs_arg} "-DOUTPUT=${embedded}"
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CrosswalkEmbed.cmake"
    DEPENDS ${depends} "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CrosswalkEmbed.cmake"
    COMMENT "Embedding the catalog of plugin ${name}"
    VERBATIM)

  add_library(${name} MODULE ${ARG_SOURCES} "${embedded}")
  target_link_libraries(${name} PRIVATE Crosswalk::sdk)
  if("CXX" IN_LIST languages)
    target_compile_features(${name} PRIVATE cxx_std_20)
  endif()
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(NOT APPLE AND NOT WIN32)
    target_link_options(${name} PRIVATE "LINKER:--no-undefined")
  endif()

  set(output_directory "${ARG_OUTPUT_DIRECTORY}")
  if(NOT output_directory AND CROSSWALK_PLUGIN_OUTPUT_DIRECTORY)
    set(output_directory "${CROSSWALK_PLUGIN_OUTPUT_DIRECTORY}")
  endif()
  if(output_directory)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${output_directory}")
  endif()

  if(NOT ARG_NO_INSTALL)
    set(destination "${ARG_INSTALL_DESTINATION}")
    if(NOT destination)
      set(destination "${CMAKE_INSTALL_LIBDIR}/crosswalk/plugins")
    endif()
    install(TARGETS ${name} LIBRARY DESTINATION "${destination}")
  endif()
endfunction()
