package io.tvarr.domain;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

/**
 * Says why something failed in words for a user: many JDK exceptions have no message (a refused connection says
 * {@code null}), and their class names mean nothing to someone watching TV. Credentials in URLs are masked.
 */
public final class Failures {
    private Failures() {}

    public static String describe(Throwable failure) {
        Throwable cause = failure.getCause();
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof UnknownHostException) {
            return failure.getMessage() == null ? "unknown host" : "unknown host " + failure.getMessage();
        }
        if (failure instanceof SocketTimeoutException
                || failure instanceof HttpTimeoutException
                || failure instanceof TimeoutException) {
            return "timed out";
        }
        String message = failure.getMessage();
        if (cause != null && cause != failure && (message == null || message.equals(cause.toString()))) {
            // a wrapper that only repeats its cause's class name: the cause says more
            return describe(cause);
        }
        if (message != null && !message.isBlank()) {
            return Redaction.redactUrl(message);
        }
        return "failed without saying why";
    }
}
