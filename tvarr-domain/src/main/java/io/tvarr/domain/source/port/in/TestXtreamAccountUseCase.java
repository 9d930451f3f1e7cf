package io.tvarr.domain.source.port.in;

import io.tvarr.domain.source.XtreamAccountCheck;

/** Logs in to an Xtream account and says what the panel answered: expiry and connections, or why it refused. */
public interface TestXtreamAccountUseCase {
    /** @throws io.tvarr.domain.ValidationException when the URL is one tvarr does not fetch */
    XtreamAccountCheck test(TestXtreamAccountCommand command);
}
