package io.tvarr.pipeline.stage.epg;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel or guide name taken apart for matching: its distinctive words ({@code tokens}), the words run together
 * ({@code compact}, what the name tier compares), its timeshift ("ITV +1" is ITV an hour later: a different
 * guide) and the US call signs it names ("WABC"). Leaves out what says nothing about which channel it is: accents,
 * case, punctuation, a country prefix or suffix ("US:", "(UK)", ".us"), quality tags (HD, FHD, UHD, 4K, SD,
 * 1080p…) and square-bracketed notes ("[Geo-blocked]").
 */
record ChannelName(List<String> tokens, String compact, int timeshift, boolean plus, Set<String> callSigns) {
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}");
    private static final Pattern COUNTRY_PREFIX = Pattern.compile("^[a-z]{2,3}\\s*[:|\\-]\\s+|^[a-z]{2,3}\\s*[:|]\\s*");
    private static final Pattern SQUARE_BRACKETS = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern TIMESHIFT = Pattern.compile("\\+\\s?(\\d{1,2})(?![0-9])");
    /** Four-letter K/W words in capitals, or three with a -TV/-DT suffix: US broadcast call signs. */
    private static final Pattern CALL_SIGN = Pattern.compile(
            "(?<![A-Za-z0-9])([KW][A-Z]{3}|[KW][A-Z]{2}(?=-(?:TV|DT|LD|CD)))(?:-(?:TV|DT|LD|CD)\\d?)?(?![A-Za-z0-9])");

    private static final Pattern CALL_SIGN_SUFFIX = Pattern.compile("(?<=[A-Z])-(?:TV|DT|LD|CD)\\d?(?![A-Za-z0-9])");
    private static final Pattern PLUS = Pattern.compile("\\+");
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static final Pattern RESOLUTION = Pattern.compile("\\d{3,4}[pi]\\d{0,2}|\\d{2,3}fps");
    private static final Set<String> QUALITY =
            Set.of("hd", "fhd", "uhd", "sd", "4k", "8k", "hevc", "h264", "h265", "hdr", "hq", "lq", "backup");
    /** Country codes dropped at either end of a name, where they say where, not which, channel it is. */
    private static final Set<String> COUNTRIES = Set.of(
            "us", "usa", "uk", "gb", "ca", "au", "nz", "ie", "de", "fr", "es", "mx", "br", "se", "dk", "fi", "nl", "be",
            "ch", "pt", "za", "latam", "intl");

    static ChannelName of(String text) {
        String plain =
                ACCENTS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        Set<String> callSigns = new LinkedHashSet<>();
        Matcher sign = CALL_SIGN.matcher(plain);
        while (sign.find()) {
            callSigns.add(sign.group(1).toLowerCase(Locale.ROOT));
        }
        // the -TV/-DT of a call sign says which transmitter, not which channel
        plain = CALL_SIGN_SUFFIX.matcher(plain).replaceAll("");
        String lower = plain.toLowerCase(Locale.ROOT).strip();
        lower = SQUARE_BRACKETS.matcher(lower).replaceAll(" ");
        int timeshift = 0;
        Matcher shift = TIMESHIFT.matcher(lower);
        if (shift.find()) {
            timeshift = Integer.parseInt(shift.group(1));
            lower = shift.replaceAll(" ");
        }
        // a bare "+" is another channel of the same brand ("Pluto TV Crime+" beside "Pluto TV Crime")
        boolean plus = PLUS.matcher(lower).find();
        lower = COUNTRY_PREFIX.matcher(lower).replaceFirst("");
        lower = lower.replace("&", " and ").replace("'", "").replace("\u2019", "");
        List<String> tokens = new ArrayList<>();
        Matcher word = WORD.matcher(lower);
        while (word.find()) {
            String token = word.group();
            if (!QUALITY.contains(token) && !RESOLUTION.matcher(token).matches()) {
                tokens.add(token);
            }
        }
        while (tokens.size() > 1 && COUNTRIES.contains(tokens.get(tokens.size() - 1))) {
            tokens.remove(tokens.size() - 1);
        }
        while (tokens.size() > 1 && COUNTRIES.contains(tokens.get(0))) {
            tokens.remove(0);
        }
        String compact = String.join("", tokens);
        if (plus && !compact.isEmpty()) {
            compact = compact + "+";
        }
        if (timeshift > 0 && !compact.isEmpty()) {
            compact = compact + "+" + timeshift;
        }
        return new ChannelName(List.copyOf(tokens), compact, timeshift, plus, Set.copyOf(callSigns));
    }

    /**
     * The name an iptv-org style tvg-id spells ("ABCNewsLive.us@SD" is "ABCNewsLive"), for matching by name when
     * the id itself is not in the guide; null when the id has no such shape.
     */
    static @org.jspecify.annotations.Nullable String idStem(String tvgId) {
        int at = tvgId.indexOf('@');
        String id = at < 0 ? tvgId : tvgId.substring(0, at);
        int dot = id.lastIndexOf('.');
        if (dot <= 0 || id.length() - dot - 1 < 2 || id.length() - dot - 1 > 3) {
            return null;
        }
        return id.substring(0, dot);
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    boolean hasNumber() {
        return tokens.stream().anyMatch(ChannelName::isNumber);
    }

    static boolean isNumber(String token) {
        return token.chars().allMatch(Character::isDigit);
    }
}
