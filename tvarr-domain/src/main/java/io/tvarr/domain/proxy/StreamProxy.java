package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.source.SourceId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A proxy: the ordered inputs and rules that produce one published M3U + XMLTV pair.
 *
 * @param slug URL-safe name the outputs can be addressed by
 */
public record StreamProxy(
        ProxyId id,
        String name,
        String slug,
        List<SourceId> sources,
        List<EpgSourceId> epgSources,
        List<ProxyFilter> filters,
        List<ProxyMappingRule> mappingRules,
        Numbering numbering,
        DeliveryMode deliveryMode,
        @Nullable RelayProfileId relayProfile,
        OutputSettings output,
        @Nullable String schedule,
        Instant createdAt,
        Instant updatedAt) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public StreamProxy {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(name, "name");
        slug = Checks.requireText(slug, "slug");
        if (!SLUG.matcher(slug).matches()) {
            throw new ValidationException("slug: '" + slug + "' (expected: lower-case letters, digits and '-')");
        }
        sources = distinct(sources, "sources");
        epgSources = distinct(epgSources, "epg_sources");
        filters = List.copyOf(filters);
        mappingRules = List.copyOf(mappingRules);
        distinct(mappingRules.stream().map(ProxyMappingRule::ruleId).toList(), "mapping_rules");
        Checks.requireNonNull(numbering, "numbering");
        Checks.requireNonNull(deliveryMode, "delivery_mode");
        if (deliveryMode == DeliveryMode.TRANSCODE && relayProfile == null) {
            throw new ValidationException("relay_profile: required when delivery_mode is transcode");
        }
        Checks.requireNonNull(output, "output");
        schedule = Checks.blankToNull(schedule);
    }

    /** Turns a display name into a slug: "BBC & Friends HD" becomes "bbc-friends-hd". */
    public static String slugOf(String name) {
        String slug = name.toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (slug.isEmpty()) {
            return "proxy";
        }
        return slug.length() > 63 ? slug.substring(0, 63) : slug;
    }

    private static <T> List<T> distinct(List<T> values, String field) {
        if (new HashSet<>(values).size() != values.size()) {
            throw new ValidationException(field + ": contains duplicates");
        }
        return List.copyOf(values);
    }
}
