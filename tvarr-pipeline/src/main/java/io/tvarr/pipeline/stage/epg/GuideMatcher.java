package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.LocalizedText;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the guide channel for an output channel, trying in order: the tvg-id exactly, the tvg-id ignoring case,
 * then the channel name normalised against every normalised display name. Normalising lower-cases, strips
 * accents, drops a country prefix ("UK:", "US |", "DE -"), drops quality suffixes (HD, FHD, UHD, 4K, SD, HEVC) and
 * keeps only letters and digits: "UK: BBC One HD" and "BBC ONE" both become "bbcone". The first source in the
 * proxy's order wins ties.
 */
public final class GuideMatcher {
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("^[a-z]{2,3}\\s*[:|\\-]\\s*");
    private static final Pattern QUALITY = Pattern.compile("\\b(hd|fhd|uhd|4k|sd|hevc|h265|1080p|720p)\\b");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}");

    private final Map<String, EpgChannel> exact = new HashMap<>();
    private final Map<String, EpgChannel> ignoringCase = new HashMap<>();
    private final Map<String, EpgChannel> byName = new HashMap<>();

    /** Adds a guide channel; call in proxy source order so earlier sources win. */
    public void add(EpgChannel channel) {
        exact.putIfAbsent(channel.id(), channel);
        ignoringCase.putIfAbsent(channel.id().toLowerCase(Locale.ROOT), channel);
        for (LocalizedText name : channel.displayNames()) {
            String key = normalise(name.text());
            if (!key.isEmpty()) {
                byName.putIfAbsent(key, channel);
            }
        }
    }

    public Optional<EpgChannel> match(@Nullable String tvgId, String name) {
        if (tvgId != null) {
            EpgChannel found = exact.get(tvgId);
            if (found == null) {
                found = ignoringCase.get(tvgId.toLowerCase(Locale.ROOT));
            }
            if (found != null) {
                return Optional.of(found);
            }
        }
        String key = normalise(name);
        return key.isEmpty() ? Optional.empty() : Optional.ofNullable(byName.get(key));
    }

    static String normalise(String name) {
        String text =
                ACCENTS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        text = text.toLowerCase(Locale.ROOT).strip();
        text = COUNTRY_PREFIX.matcher(text).replaceFirst("");
        text = QUALITY.matcher(text).replaceAll(" ");
        return NOT_ALPHANUMERIC.matcher(text).replaceAll("");
    }
}
