# What `cmake --install` and the .deb put where. Paths are relative to CMAKE_INSTALL_PREFIX except
# /etc (configuration never lives under a prefix). Build packages with -DCMAKE_INSTALL_PREFIX=/usr:
# the binary looks for its data in ${CMAKE_INSTALL_PREFIX}/share/tsur-wall.
include(GNUInstallDirs)

set(TSUR_SYSTEMD_UNIT_DIR "lib/systemd/system" CACHE STRING
    "Where the systemd units go, relative to the prefix")
set(TSUR_CONFIG_DIR "/etc/tsur-wall" CACHE PATH "Where the wall's config.json goes")

install(TARGETS tsur-wall RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

install(DIRECTORY ${CMAKE_SOURCE_DIR}/layouts/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tsur-wall/layouts
        FILES_MATCHING PATTERN "*.json")
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/tsur-wall/assets)

install(FILES ${CMAKE_SOURCE_DIR}/systemd/tsur-wall.service
              ${CMAKE_SOURCE_DIR}/systemd/tsur-wall-backoff.service
        DESTINATION ${TSUR_SYSTEMD_UNIT_DIR})
install(FILES ${CMAKE_SOURCE_DIR}/systemd/tsur-wall.tmpfiles
        DESTINATION lib/tmpfiles.d RENAME tsur-wall.conf)
install(FILES ${CMAKE_SOURCE_DIR}/systemd/tsur-wall.sysusers
        DESTINATION lib/sysusers.d RENAME tsur-wall.conf)

# The sample twice: as documentation, and as the live config (a dpkg conffile, so an edited
# config survives upgrades). The wall is not enabled by the package: the feed URL must be set first.
install(FILES ${CMAKE_SOURCE_DIR}/systemd/config.sample.json
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${CMAKE_SOURCE_DIR}/systemd/config.sample.json
        DESTINATION ${TSUR_CONFIG_DIR} RENAME config.json)
# Where a centre drops next year's holiday calendar (docs/operations.md, "Holiday calendar").
install(DIRECTORY DESTINATION ${TSUR_CONFIG_DIR}/calendars)
foreach(doc README.md docs/operations.md docs/feed-api.md)
  if(EXISTS ${CMAKE_SOURCE_DIR}/${doc})
    install(FILES ${CMAKE_SOURCE_DIR}/${doc} DESTINATION ${CMAKE_INSTALL_DOCDIR})
  endif()
endforeach()

# Debian's own documentation files: the DEP-5 copyright (every data source and licence) and the
# changelog, compressed the reproducible way (no name, no time stamp in the gzip header).
install(FILES ${CMAKE_SOURCE_DIR}/systemd/debian/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
set(tsur_changelog_gz ${CMAKE_BINARY_DIR}/changelog.gz)
add_custom_command(OUTPUT ${tsur_changelog_gz}
                   COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/systemd/debian/changelog > ${tsur_changelog_gz}
                   DEPENDS ${CMAKE_SOURCE_DIR}/systemd/debian/changelog VERBATIM)
set(tsur_man_gz ${CMAKE_BINARY_DIR}/tsur-wall.1.gz)
add_custom_command(OUTPUT ${tsur_man_gz}
                   COMMAND gzip -9nc ${CMAKE_SOURCE_DIR}/docs/tsur-wall.1 > ${tsur_man_gz}
                   DEPENDS ${CMAKE_SOURCE_DIR}/docs/tsur-wall.1 VERBATIM)
add_custom_target(tsur_debian_docs ALL DEPENDS ${tsur_changelog_gz} ${tsur_man_gz})
install(FILES ${tsur_changelog_gz} DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${tsur_man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
