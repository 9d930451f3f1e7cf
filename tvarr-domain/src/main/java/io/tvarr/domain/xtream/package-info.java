/** Xtream Codes output: a proxy as an account players log in to (TiviMate, IPTV Smarters, Kodi add-ons). */
@NullMarked
package io.tvarr.domain.xtream;

import org.jspecify.annotations.NullMarked;
