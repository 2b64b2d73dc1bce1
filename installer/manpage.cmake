# Writes a gzipped manual page for PROGRAM from its --help and --version (help2man). For
# topolab-cli, each subcommand's --help becomes a subsection of COMMANDS.
#   cmake -DHELP2MAN=... -DGZIP=... -DPROGRAM=path -DNAME=name -DDESCRIPTION=... -DOUTPUT=x.1.gz
#         -P manpage.cmake
get_filename_component(work ${OUTPUT} DIRECTORY)
set(include_file ${work}/${NAME}.h2m)
file(WRITE ${include_file} "")
execute_process(COMMAND ${PROGRAM} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --help failed (${status})")
endif()
# CLI11 lists subcommands under "Subcommands:", one per line indented by two spaces.
string(REGEX MATCH "Subcommands:\n.*" listing "${help}")
string(REGEX MATCHALL "\n  [a-z][a-z-]+ " names "${listing}")
if(names)
    file(APPEND ${include_file} "[COMMANDS]\n")
    foreach(entry ${names})
        string(STRIP "${entry}" command)
        execute_process(COMMAND ${PROGRAM} ${command} --help OUTPUT_VARIABLE text
                        RESULT_VARIABLE status)
        if(NOT status EQUAL 0)
            message(FATAL_ERROR "${PROGRAM} ${command} --help failed (${status})")
        endif()
        # roff: a backslash is an escape, and a line starting with a dot or quote is a request.
        string(REPLACE "\\" "\\e" text "${text}")
        string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" text "${text}")
        file(APPEND ${include_file} ".SS ${command}\n.nf\n${text}\n.fi\n")
    endforeach()
endif()
# The page is named after the program, whatever name its --version prints.
execute_process(COMMAND ${PROGRAM} --version OUTPUT_VARIABLE version_text)
string(REGEX MATCH "[0-9]+\\.[0-9]+[^ \n]*" version "${version_text}")
set(page ${work}/${NAME}.1)
set(include_option)
if(names)
    set(include_option --include=${include_file})
endif()
execute_process(
    COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --name=${DESCRIPTION}
            "--version-string=${NAME} ${version}"
            ${include_option} --output=${page} ${PROGRAM}
    RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "help2man failed for ${PROGRAM}: ${errors}")
endif()
# -n: no name or time stamp inside, so the same build gives the same bytes.
execute_process(COMMAND ${GZIP} -9nf ${page} RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT EXISTS ${OUTPUT})
    message(FATAL_ERROR "gzip failed for ${page}")
endif()
