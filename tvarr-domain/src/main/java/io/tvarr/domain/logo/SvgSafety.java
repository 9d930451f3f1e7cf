package io.tvarr.domain.logo;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether an SVG logo is safe to serve from tvarr's own origin. Players and the web UI render logos; an
 * SVG can carry script, event handlers, external references and entity tricks. Rather than rewrite SVG (easy to
 * get wrong), tvarr refuses any SVG with one of those, and the channel keeps its original logo URL.
 */
public final class SvgSafety {
    // an element name may carry a namespace prefix (<x:script xmlns:x="…xhtml">), so match "<", any prefix, name
    private static final Pattern ACTIVE_ELEMENT =
            Pattern.compile("<(?:[a-z0-9_.-]+:)?(script|foreignobject|iframe|embed|object|handler)\\b");
    private static final Pattern EVENT_HANDLER = Pattern.compile("[\\s:]on[a-z]+\\s*=");
    /** CSS in a style attribute or element may fetch too: url(…) to anything but a fragment or inline image. */
    private static final Pattern CSS_EXTERNAL =
            Pattern.compile("url\\(\\s*[\"']?\\s*(?!#|data:image/(?:png|jpeg|gif|webp);)|@import");

    private static final Pattern EXTERNAL_REFERENCE =
            Pattern.compile("(?:href|src)\\s*=\\s*[\"']\\s*(?!#|data:image/(?:png|jpeg|gif|webp);)");

    private SvgSafety() {}

    /** Why the SVG is refused, or empty when it is safe. */
    public static Optional<String> problem(byte[] svg) {
        String text = new String(svg, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        if (text.contains("<!doctype") || text.contains("<!entity")) {
            return Optional.of("SVG declares a DOCTYPE or entities");
        }
        Matcher active = ACTIVE_ELEMENT.matcher(text);
        if (active.find()) {
            return Optional.of(
                    active.group(1).equals("script")
                            ? "SVG contains a script"
                            : "SVG embeds foreign content (" + active.group(1) + ")");
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
        if (CSS_EXTERNAL.matcher(text).find()) {
            return Optional.of("SVG styles reference an external resource");
        }
        return Optional.empty();
    }
}
