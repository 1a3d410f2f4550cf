# Helpers shared by yat's CMake files.

# add_yat_library(name SOURCES...
#                 [DEPENDS targets...] [LINK_LIBS libs...])
# A static library of yat, linked against libMLIR.so and exported in the
# installed CMake package as Yat::<name>.
function(add_yat_library name)
  cmake_parse_arguments(ARG "" "" "DEPENDS;LINK_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  add_library(Yat::${name} ALIAS ${name})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  # MLIR's imported targets carry no include path; a consumer of the
  # installed package gets it from here.
  target_include_directories(${name} SYSTEM PUBLIC
    ${MLIR_INCLUDE_DIRS} ${LLVM_INCLUDE_DIRS})
  target_link_libraries(${name} PUBLIC ${ARG_LINK_LIBS} MLIR LLVM)
  set_property(GLOBAL APPEND PROPERTY YAT_EXPORTED_LIBS ${name})
endfunction()

# yat_link_sanitizer_options(target)
# In a sanitizer build (LLVM_USE_SANITIZER), gives executable `target` the
# project's sanitizer run-time options (lib/Support/SanitizerOptions.cpp).
function(yat_link_sanitizer_options target)
  if(LLVM_USE_SANITIZER)
    target_sources(${target} PRIVATE
      ${PROJECT_SOURCE_DIR}/lib/Support/SanitizerOptions.cpp)
  endif()
endfunction()
