# Checks the rule of src/CMakeLists.txt: the library of each stage sees the
# headers of its own stage and of the stages before it, and no other; it
# links only earlier stages. For each stage it preprocesses a file that asks
# __has_include of every header of every stage, with that library's include
# directories, and fails on each header seen against the flow (or missing).
#   cmake -DCXX=<compiler> -DSOURCE_DIR=<src> -DWORK_DIR=<dir> -DSTAGES=util|model|...
#         -DINCLUDES_<stage>=<dir>|... -DLINKS_<stage>=<library>|... -P check_stage_includes.cmake
string(REPLACE "|" ";" STAGES "${STAGES}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed FALSE)
set(position 0)
foreach(stage IN LISTS STAGES)
  set(probe "")
  set(index 0)
  foreach(other IN LISTS STAGES)
    file(GLOB headers RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/${other}/*.hpp")
    if(NOT headers)
      message(FATAL_ERROR "no header in ${SOURCE_DIR}/${other}")
    endif()
    list(SORT headers)
    foreach(header IN LISTS headers)
      if(index LESS_EQUAL position)
        string(APPEND probe "#if !__has_include(\"${header}\")\n"
                            "#error \"${stage}/ cannot see ${header}, of its own or an earlier stage\"\n#endif\n")
      else()
        string(APPEND probe "#if __has_include(\"${header}\")\n"
                            "#error \"${stage}/ sees ${header}, a header of a later stage\"\n#endif\n")
      endif()
    endforeach()
    math(EXPR index "${index} + 1")
  endforeach()
  file(WRITE "${WORK_DIR}/${stage}.cpp" "${probe}")

  string(REPLACE "|" ";" dirs "${INCLUDES_${stage}}")
  list(REMOVE_DUPLICATES dirs)
  set(flags "")
  foreach(dir IN LISTS dirs)
    list(APPEND flags "-I${dir}")
  endforeach()
  execute_process(COMMAND "${CXX}" -std=c++20 -E ${flags} "${WORK_DIR}/${stage}.cpp" -o "${WORK_DIR}/${stage}.i"
                  RESULT_VARIABLE status ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(SEND_ERROR "ccnscore_${stage} (include directories: ${dirs}):\n${errors}")
    set(failed TRUE)
  endif()

  string(REPLACE "|" ";" links "${LINKS_${stage}}")
  foreach(library IN LISTS links)
    if(library MATCHES "^ccnscore_(.+)$" AND NOT library STREQUAL "ccnscore_warnings")
      list(FIND STAGES "${CMAKE_MATCH_1}" linked)
      if(linked EQUAL -1 OR linked GREATER_EQUAL position)
        message(SEND_ERROR "ccnscore_${stage} links ${library}, which is not a stage before it")
        set(failed TRUE)
      endif()
    endif()
  endforeach()
  math(EXPR position "${position} + 1")
endforeach()
if(failed)
  message(FATAL_ERROR "a stage sees or links a stage it must not (src/CMakeLists.txt, src/ARCHITECTURE.md)")
endif()
list(LENGTH STAGES count)
message(STATUS "${count} stages, each seeing only its own and earlier stages")
