package io.tvarr.domain.logo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether an SVG logo is safe to serve from tvarr's own origin. Players and the web UI render logos; an
 * SVG can carry script, event handlers, external references and entity tricks. Rather than rewrite SVG (easy to
 * get wrong), tvarr refuses any SVG with one of those, and the channel keeps its original logo URL.
 */
public final class SvgSafety {
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=");
    private static final Pattern EXTERNAL_REFERENCE =
            Pattern.compile("(?:href|src)\\s*=\\s*[\"']\\s*(?!#|data:image/(?:png|jpeg|gif|webp);)");

    private SvgSafety() {}

    /** Why the SVG is refused, or empty when it is safe. */
    public static Optional<String> problem(byte[] svg) {
        String text = new String(svg, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.contains("<!doctype") || text.contains("<!entity")) {
            return Optional.of("SVG declares a DOCTYPE or entities");
        }
        if (text.contains("<script")) {
            return Optional.of("SVG contains a script");
        }
        if (text.contains("<foreignobject")) {
            return Optional.of("SVG embeds foreign content");
        }
        if (text.contains("javascript:")) {
            return Optional.of("SVG contains a javascript: URL");
        }
        if (EVENT_HANDLER.matcher(text).find()) {
            return Optional.of("SVG contains an event handler attribute");
        }
        if (EXTERNAL_REFERENCE.matcher(text).find()) {
            return Optional.of("SVG references an external resource");
        }
        return Optional.empty();
    }
}
