/** Configuration as code on the wire: the YAML (and JSON) form of a configuration document, and its routes. */
@NullMarked
package io.tvarr.http.config;

import org.jspecify.annotations.NullMarked;
