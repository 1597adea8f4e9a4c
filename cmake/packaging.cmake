# `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr builds tsur-wall_<ver>_<arch>.deb.
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "tsur-wall: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}; configure with "
                 "-DCMAKE_INSTALL_PREFIX=/usr before building a .deb")
endif()

set(CPACK_PACKAGE_NAME "tsur-wall")
set(CPACK_PACKAGE_VENDOR "tsur-wall")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The project's packaging contact; a centre that rebuilds the package sets its own.
set(TSUR_DEB_MAINTAINER "tsur-wall maintainers <maintainers@tsur-wall.org>" CACHE STRING
    "Maintainer field of the .deb")
set(CPACK_PACKAGE_CONTACT "${TSUR_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "situation-room video wall renderer for regional management centres (TsUR)")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_NAME "tsur-wall")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# CPack puts the summary on the Description: line and indents these lines itself.
set(CPACK_PACKAGE_DESCRIPTION
    "tsur-wall runs fullscreen and unattended on a Linux mini-PC: a live incident
map of the region, SLA breaches counting down, sector heatmaps and KPIs, fed by
the central API. It runs under systemd with a watchdog, directly on KMS/DRM or
under X11/Wayland, keeps the last good data across reboots, and serves
/healthz, /metrics and /screenshot.png on loopback.")
# Libraries the binary links (SDL, curl, FreeType, libsystemd, zlib, simdjson) come from
# dpkg-shlibdeps and are not repeated here. Listed by hand: what SDL dlopen()s at run time (the
# GL/EGL/GBM stack and the Mesa drivers), the one font family the wall cannot start without,
# the shadow tools for the system user, and deb-systemd-helper for the maintainer scripts.
# The condensed DejaVu faces are only preferred (app/wall_assets.cpp falls back to core).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "fonts-dejavu-core, libegl1, libgles2, libgl1, libgbm1, libegl-mesa0, libgl1-mesa-dri, \
passwd, init-system-helpers (>= 1.52)")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd, fonts-dejavu-extra")
set(tsur_deb_dir ${CMAKE_SOURCE_DIR}/systemd/debian)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${tsur_deb_dir}/postinst;${tsur_deb_dir}/prerm;${tsur_deb_dir}/postrm;${tsur_deb_dir}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
