# What `cmake --install` puts where, and the Debian package CPack builds from it
# (installer/package.sh). Included from the top-level CMakeLists.txt after the targets exist.
include(GNUInstallDirs)

set(TOPOLAB_PACKAGE_MAINTAINER "Topolab developers <packaging@topolab.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(desktop_id org.topolab.Topolab)
set(desktop_dir ${PROJECT_SOURCE_DIR}/resources/desktop)

install(TARGETS topolab-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/examples/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/topolab/examples
        FILES_MATCHING PATTERN "*.topolab.yaml")
# The demo app is embedded in topolab-cli; this copy is for reading and for `artifact:`. It runs
# on the deploy's hosts, not here: data (mode 0644), so the package needs no python3.
install(FILES ${PROJECT_SOURCE_DIR}/resources/deploy/demo-app.py
        DESTINATION ${CMAKE_INSTALL_DATADIR}/topolab/deploy)

# What Debian asks of every package: its copyright and, for a native package, changelog.gz.
configure_file(${PROJECT_SOURCE_DIR}/installer/debian/changelog.in
               ${CMAKE_BINARY_DIR}/debian/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/debian/changelog.gz
    COMMAND gzip -9nc ${CMAKE_BINARY_DIR}/debian/changelog > ${CMAKE_BINARY_DIR}/debian/changelog.gz
    DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog
    VERBATIM)
add_custom_target(debian_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog.gz)
install(FILES ${CMAKE_BINARY_DIR}/debian/changelog.gz ${PROJECT_SOURCE_DIR}/installer/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/topolab)

# Manual pages from each program's --help (help2man), gzipped as Debian wants them.
find_program(HELP2MAN help2man)
find_program(GZIP gzip)
set(man_pages)
function(topolab_man_page program description)
    set(page ${CMAKE_BINARY_DIR}/man/${program}.1.gz)
    add_custom_command(OUTPUT ${page}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
        COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DGZIP=${GZIP}
                -DPROGRAM=$<TARGET_FILE:${program}> -DNAME=${program}
                -DDESCRIPTION=${description} -DOUTPUT=${page}
                -P ${PROJECT_SOURCE_DIR}/installer/manpage.cmake
        DEPENDS ${program} ${PROJECT_SOURCE_DIR}/installer/manpage.cmake
        COMMENT "Writing the manual page of ${program}"
        VERBATIM)
    set(man_pages ${man_pages} ${page} PARENT_SCOPE)
endfunction()
if(HELP2MAN AND GZIP)
    topolab_man_page(topolab-cli "design, simulate and deploy web infrastructure from the command line")
    if(TARGET topolab)
        topolab_man_page(topolab "design, simulate and deploy web infrastructure")
    endif()
    add_custom_target(man_pages ALL DEPENDS ${man_pages})
    install(FILES ${man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
else()
    message(STATUS "help2man not found: no manual pages (installer/package.sh installs it)")
endif()

if(TARGET topolab)
    install(TARGETS topolab RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    install(FILES ${desktop_dir}/${desktop_id}.desktop
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    configure_file(${desktop_dir}/${desktop_id}.metainfo.xml
                   ${CMAKE_BINARY_DIR}/desktop/${desktop_id}.metainfo.xml @ONLY)
    install(FILES ${CMAKE_BINARY_DIR}/desktop/${desktop_id}.metainfo.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
    install(FILES ${desktop_dir}/${desktop_id}.mime.xml
            DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${desktop_id}.xml)

    # The icon: the SVG for any size, and PNGs at the sizes desktops look for first.
    set(icon_sizes 16 22 24 32 48 64 128 256 512)
    set(icon_dir ${CMAKE_BINARY_DIR}/icons)
    set(icon_pngs)
    foreach(size ${icon_sizes})
        list(APPEND icon_pngs ${icon_dir}/${size}x${size}.png)
    endforeach()
    add_custom_command(OUTPUT ${icon_pngs}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${icon_dir}
        COMMAND rendericon ${desktop_dir}/topolab.svg ${icon_dir} ${icon_sizes}
        DEPENDS rendericon ${desktop_dir}/topolab.svg
        COMMENT "Drawing the application icon"
        VERBATIM)
    add_custom_target(icons ALL DEPENDS ${icon_pngs})
    foreach(size ${icon_sizes})
        install(FILES ${icon_dir}/${size}x${size}.png
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
                RENAME ${desktop_id}.png)
    endforeach()
    install(FILES ${desktop_dir}/topolab.svg
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${desktop_id}.svg)
endif()

# The Debian package. Depends comes from dpkg-shlibdeps over the installed binaries, so it names
# exactly the libraries they link; desktop-file-utils, shared-mime-info and hicolor-icon-theme
# refresh their caches through dpkg triggers, so no maintainer scripts are needed.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME topolab)
set(CPACK_PACKAGE_VENDOR Topolab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "${TOPOLAB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines and turns the
# empty one into the " ." that separates paragraphs.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Topolab is a desktop tool for people who run web infrastructure. Draw a
single- or multi-region layout (round-robin DNS, HAProxy load balancers, app
servers, object storage, primary and standby databases, backups, a tinc VPN
between regions), simulate its traffic, failures and DNS TTL propagation, and
deploy the drawn topology over SSH to real hosts.

This package holds the designer (topolab), the command-line tool
(topolab-cli), the example topologies and the demo app.")
set(CPACK_STRIP_FILES ON)
include(CPack)
