package io.tvarr.http.web;

import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePinStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the guide matches page shows: one page of matches (filtered by tier), the pins by channel, the orphaned pins,
 * and the forms as typed.
 *
 * @param tier the tier filtered on, in the API's word; empty for every tier
 * @param pins every pin of the proxy, so a row can offer "unpin" even before a generation applied its pin
 * @param threshold the threshold field as typed, or as stored
 * @param pinChannel the pin form's channel id as typed (or chosen with {@code ?channel=})
 * @param pinGuide the pin form's guide channel id as typed
 */
public record GuideMatchListing(
        String proxyId,
        String tier,
        Pager pager,
        List<GuideMatch> matches,
        List<GuidePinStatus> pins,
        String threshold,
        String pinChannel,
        String pinGuide) {
    public GuideMatchListing {
        matches = List.copyOf(matches);
        pins = List.copyOf(pins);
    }

    /** Every tier in the API's words, strongest first, for the filter. */
    public List<String> tiers() {
        return Arrays.stream(GuideMatchTier.values()).map(GuideMatchTier::key).toList();
    }

    public @Nullable GuidePinStatus pinOf(GuideMatch match) {
        return pins.stream()
                .filter(p -> p.pin().channel().equals(match.channel()))
                .findFirst()
                .orElse(null);
    }

    /** Pins the last generation could not use, kept until someone removes them. */
    public List<GuidePinStatus> orphaned() {
        return pins.stream().filter(GuidePinStatus::orphaned).toList();
    }

    /** This listing's path with its filter and page, for the forms to come back to. */
    public String self() {
        return base() + "page=" + pager.page().page();
    }

    static String base(String proxyId, String tier) {
        String path = "/proxies/" + proxyId + "/guide-matches?";
        return tier.isEmpty() ? path : path + "tier=" + URLEncoder.encode(tier, StandardCharsets.UTF_8) + "&";
    }

    private String base() {
        return base(proxyId, tier);
    }
}
