/** The filter and data-mapping expression language: lexer, parser, printer, field registry and evaluator. */
@NullMarked
package io.tvarr.expression;

import org.jspecify.annotations.NullMarked;
