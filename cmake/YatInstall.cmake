# `cmake --install` lays out headers, libraries, tools and a CMake package
# so that another project can say find_package(Yat CONFIG).
include(CMakePackageConfigHelpers)

set(YAT_INSTALL_CMAKE_DIR lib/cmake/yat)
get_property(yat_libs GLOBAL PROPERTY YAT_EXPORTED_LIBS)

install(TARGETS ${yat_libs} EXPORT YatTargets
  ARCHIVE DESTINATION lib
  LIBRARY DESTINATION lib
  INCLUDES DESTINATION include)
install(DIRECTORY include/yat-c DESTINATION include FILES_MATCHING PATTERN "*.h")
install(DIRECTORY include/yat DESTINATION include
  FILES_MATCHING PATTERN "*.h" PATTERN "*.td")
install(DIRECTORY ${PROJECT_BINARY_DIR}/include/yat DESTINATION include
  FILES_MATCHING PATTERN "*.inc")
install(EXPORT YatTargets NAMESPACE Yat:: DESTINATION ${YAT_INSTALL_CMAKE_DIR})

configure_package_config_file(cmake/YatConfig.cmake.in
  ${PROJECT_BINARY_DIR}/YatConfig.cmake
  INSTALL_DESTINATION ${YAT_INSTALL_CMAKE_DIR})
install(FILES ${PROJECT_BINARY_DIR}/YatConfig.cmake
  DESTINATION ${YAT_INSTALL_CMAKE_DIR})
