# Install rules and the Debian package of GIStack Notify.
# `./run.sh package` (cpack -G DEB) turns them into build/gistack-notify_<version>_<arch>.deb;
# tests/package/tst_package.sh builds one in a scratch folder and inspects it.
# The console's rules sit in the top-level CMakeLists.txt, behind if(TARGET gistack-console).
include(GNUInstallDirs)

set(GISTACK_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(GISTACK_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/gistack-notify)

install(TARGETS gistack-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# /usr/lib/systemd/system: where systemd looks on every merged-/usr Debian 12 and later.
install(FILES ${GISTACK_PACKAGING_DIR}/gistack-notify.service DESTINATION lib/systemd/system)

# Debian ships man pages compressed; -n keeps the archive byte-for-byte reproducible.
set(GISTACK_MANPAGE ${CMAKE_BINARY_DIR}/packaging/gistack-server.1.gz)
add_custom_command(OUTPUT ${GISTACK_MANPAGE}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/packaging
    COMMAND gzip -9n -c ${GISTACK_PACKAGING_DIR}/gistack-server.1 > ${GISTACK_MANPAGE}
    DEPENDS ${GISTACK_PACKAGING_DIR}/gistack-server.1
    COMMENT "Compressing the gistack-server man page")
add_custom_target(gistack-manpage ALL DEPENDS ${GISTACK_MANPAGE})
install(FILES ${GISTACK_MANPAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES README.md docs/OPERATIONS.md docs/API.md docs/PROTOCOL.md DESTINATION ${GISTACK_DOC_DIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME gistack-notify)
set(CPACK_PACKAGE_VENDOR GIStack)
set(CPACK_PACKAGE_CONTACT "GIStack Notify maintainers <notify@gistack.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "GIStack notification server (WebSocket push, HTTP API)")
set(CPACK_PACKAGE_DESCRIPTION
    "Keeps a WebSocket open to the browsers of GIStack users and pushes the platform's\n"
    "messages: licence and lease expiry reminders, pending approval counts to organisation\n"
    "admins, approve and reject results to applicants. The platform's backend feeds it\n"
    "through an HTTP API on the same port. Runs as the systemd service gistack-notify on an\n"
    "embedded SQLite database, with Prometheus metrics at /metrics.")
string(CONCAT CPACK_PACKAGE_DESCRIPTION ${CPACK_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# dpkg-shlibdeps finds the libraries the binaries link; the SQLite driver is a Qt plugin
# loaded at run time, and postinst creates the service account with adduser.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${GISTACK_PACKAGING_DIR}/postinst ${GISTACK_PACKAGING_DIR}/prerm ${GISTACK_PACKAGING_DIR}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
