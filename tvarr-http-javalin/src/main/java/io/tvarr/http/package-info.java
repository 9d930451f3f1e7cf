/** The REST API, output and relay endpoints on Javalin. */
@NullMarked
package io.tvarr.http;

import org.jspecify.annotations.NullMarked;
