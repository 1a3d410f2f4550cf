# The op, dialect and pass references are generated from TableGen (every
# add_mlir_doc hangs off mlir-doc) into build/docs on every build.
# `ninja yat-doc` copies them into docs/ in the source tree, and the
# yat-docs-up-to-date test fails when the committed copies are stale.
add_custom_target(yat-generated-docs ALL DEPENDS mlir-doc)
add_custom_target(yat-doc
  COMMAND ${CMAKE_COMMAND} -E copy_directory ${PROJECT_BINARY_DIR}/docs
          ${PROJECT_SOURCE_DIR}/docs/generated
  DEPENDS mlir-doc
  COMMENT "Copying generated docs into docs/generated")
