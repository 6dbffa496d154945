# Fails when a user-visible string in the sources has no German or French translation yet.
# Runs lupdate on copies of the .ts files, so the checked-in files are not touched.
# Inputs: LUPDATE, SOURCE_DIR, WORK_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(failed "")
foreach(language de fr)
    set(ts "${WORK_DIR}/watercooler_${language}.ts")
    file(COPY_FILE "${SOURCE_DIR}/translations/watercooler_${language}.ts" "${ts}")
    execute_process(
        COMMAND "${LUPDATE}" -no-obsolete -locations none
                "${SOURCE_DIR}/app" "${SOURCE_DIR}/views" "${SOURCE_DIR}/models" -ts "${ts}"
        RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "lupdate failed for ${language}")
    endif()
    file(STRINGS "${ts}" lines)
    set(previous "")
    foreach(line IN LISTS lines)
        if(line MATCHES "type=\"unfinished\"")
            string(STRIP "${previous}" source)
            list(APPEND failed "${language}: ${source}")
        endif()
        set(previous "${line}")
    endforeach()
endforeach()
if(failed)
    list(JOIN failed "\n  " text)
    message(FATAL_ERROR "Untranslated strings:\n  ${text}")
endif()
message(STATUS "All strings are translated into German and French.")
