/** Proxy generation: the pipeline that turns stored sources into published outputs. */
@NullMarked
package io.tvarr.pipeline;

import org.jspecify.annotations.NullMarked;
