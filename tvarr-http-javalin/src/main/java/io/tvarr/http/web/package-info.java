/**
 * The web interface: server-rendered pages (JTE templates compiled at build time, in {@code src/main/jte}) with htmx
 * for partial updates and the live job stream. Pages call the same use cases as the REST API, never a repository.
 */
@NullMarked
package io.tvarr.http.web;

import org.jspecify.annotations.NullMarked;
