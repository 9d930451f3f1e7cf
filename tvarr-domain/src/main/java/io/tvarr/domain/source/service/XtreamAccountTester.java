package io.tvarr.domain.source.service;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.source.XtreamAccount;
import io.tvarr.domain.source.XtreamAccountCheck;
import io.tvarr.domain.source.port.in.TestXtreamAccountCommand;
import io.tvarr.domain.source.port.in.TestXtreamAccountUseCase;
import io.tvarr.domain.source.port.out.XtreamAccountReader;

/** Tries an Xtream login; the provider's refusals and failures are the answer, not errors. */
public final class XtreamAccountTester implements TestXtreamAccountUseCase {
    private final XtreamAccountReader accounts;

    public XtreamAccountTester(XtreamAccountReader accounts) {
        this.accounts = accounts;
    }

    @Override
    public XtreamAccountCheck test(TestXtreamAccountCommand command) {
        try {
            XtreamAccount account = accounts.read(command.url(), command.login(), command.userAgent());
            return XtreamAccountCheck.of(account);
        } catch (UpstreamException e) {
            return XtreamAccountCheck.failed(Redaction.redactUrl(String.valueOf(e.getMessage())));
        }
    }
}
