package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.xtream.XtreamLogin;

/** Checks an Xtream player's login and says how many of the user's streams run. */
public interface LogInXtreamUseCase {
    /** Never throws for a wrong login. Thread-safe. */
    XtreamLogin logIn(String username, String password);
}
