/**
 * The Xtream Codes door: {@code player_api.php}, {@code get.php}, {@code xmltv.php} and {@code /live/...}, answered
 * with the field names and types real panels send, for a proxy's output users.
 */
@NullMarked
package io.tvarr.http.xtream;

import org.jspecify.annotations.NullMarked;
