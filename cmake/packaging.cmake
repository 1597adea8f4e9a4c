# `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr builds tsur-wall_<ver>_<arch>.deb.
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "tsur-wall: CMAKE_INSTALL_PREFIX is ${CMAKE_INSTALL_PREFIX}; configure with "
                 "-DCMAKE_INSTALL_PREFIX=/usr before building a .deb")
endif()

set(CPACK_PACKAGE_NAME "tsur-wall")
set(CPACK_PACKAGE_VENDOR "tsur-wall")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "tsur-wall maintainers <tsur-wall@localhost>")
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
    "tsur-wall runs fullscreen and unattended on a Linux mini-PC: a live incident map of the
region, SLA breaches counting down, sector heatmaps and KPIs, fed by the central API.
It runs under systemd with a watchdog, directly on KMS/DRM or under X11/Wayland, keeps
the last good data across reboots, and serves /healthz, /metrics and /screenshot.png
on loopback.")
# Libraries the binary links come from dpkg-shlibdeps; SDL dlopen()s the GL/EGL/GBM stack and
# the Mesa drivers at run time, so those and the fonts are listed by hand.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libsdl2-2.0-0, libcurl4, libfreetype6, libsystemd0, zlib1g, fonts-dejavu-core, \
fonts-dejavu-extra, libegl1, libgles2, libgl1, libgbm1, libegl-mesa0, libgl1-mesa-dri, passwd")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "systemd")
set(tsur_deb_dir ${CMAKE_SOURCE_DIR}/systemd/debian)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${tsur_deb_dir}/postinst;${tsur_deb_dir}/prerm;${tsur_deb_dir}/postrm;${tsur_deb_dir}/conffiles")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
