# Helpers shared by yat's CMake files.

# The include paths of a yat library: its own headers, and MLIR's and
# LLVM's, which MLIR's imported targets do not carry (a consumer of the
# installed package gets them from here).
function(yat_library_include_directories name)
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<BUILD_INTERFACE:${PROJECT_BINARY_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_include_directories(${name} SYSTEM PUBLIC
    ${MLIR_INCLUDE_DIRS} ${LLVM_INCLUDE_DIRS})
endfunction()

# The upstream headers most of yat's sources include, parsed once into a
# precompiled header that every yat library reuses: clang spends about 10 s
# of a source's 30 s on them (StablehloToLinalg/Elementwise.cpp: 29 s
# without, 18 s with), a third of a clean build on 2 cores.
set(YAT_PRECOMPILED_HEADERS
  <mlir/Dialect/Arith/IR/Arith.h>
  <mlir/Dialect/Func/IR/FuncOps.h>
  <mlir/Dialect/Linalg/IR/Linalg.h>
  <mlir/Dialect/Math/IR/Math.h>
  <mlir/Dialect/MemRef/IR/MemRef.h>
  <mlir/Dialect/SCF/IR/SCF.h>
  <mlir/Dialect/Tensor/IR/Tensor.h>
  <mlir/IR/BuiltinOps.h>
  <mlir/IR/PatternMatch.h>
  <mlir/Pass/Pass.h>
  <mlir/Transforms/DialectConversion.h>)
# add_yat_precompiled_headers()
# The target YatPrecompiledHeaders that compiles them; called once the
# directory's definitions are set, since every library reusing the header
# must be compiled with the same flags.
function(add_yat_precompiled_headers)
  file(WRITE ${PROJECT_BINARY_DIR}/YatPrecompiledHeaders.cpp
    "// The source of YatPrecompiledHeaders (cmake/AddYat.cmake).\n")
  add_library(YatPrecompiledHeaders OBJECT
    ${PROJECT_BINARY_DIR}/YatPrecompiledHeaders.cpp)
  yat_library_include_directories(YatPrecompiledHeaders)
  target_precompile_headers(YatPrecompiledHeaders PRIVATE
    ${YAT_PRECOMPILED_HEADERS})
endfunction()

# add_yat_library(name SOURCES... [NO_PRECOMPILED_HEADERS]
#                 [DEPENDS targets...] [LINK_LIBS libs...])
# A static library of yat, linked against libMLIR.so and exported in the
# installed CMake package as Yat::<name>. NO_PRECOMPILED_HEADERS keeps the
# MLIR headers out of a library that does not use them (the runtimes).
function(add_yat_library name)
  cmake_parse_arguments(ARG "NO_PRECOMPILED_HEADERS" ""
    "DEPENDS;LINK_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
  add_library(Yat::${name} ALIAS ${name})
  if(ARG_DEPENDS)
    add_dependencies(${name} ${ARG_DEPENDS})
  endif()
  yat_library_include_directories(${name})
  if(NOT ARG_NO_PRECOMPILED_HEADERS)
    target_precompile_headers(${name} REUSE_FROM YatPrecompiledHeaders)
  endif()
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
