package io.tvarr.pipeline;

import io.tvarr.domain.proxy.NumberingMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.StageMeter;
import io.tvarr.pipeline.stage.StageOutcome;
import io.tvarr.pipeline.stage.numbering.ChannelNumberer;
import io.tvarr.pipeline.stage.rules.ProxyRules;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the channel pass must know before its first channel, learnt by running mapping and filtering once without
 * writing: the highest number preserve numbering keeps, and the logo URLs the output will show, to cache first.
 *
 * @param highestPreserved the highest preservable provider number among the output channels; 0 without preserve
 *     numbering
 * @param logoUrls the output's http(s) logo URLs in first-use order; empty without logo caching
 */
record ChannelPrepass(int highestPreserved, Set<String> logoUrls) {
    private static final Pattern HTTP = Pattern.compile("(?i)https?://");

    /** What a proxy that needs neither learns: nothing, without reading a channel. */
    static final ChannelPrepass NOT_NEEDED = new ChannelPrepass(0, Set.of());

    ChannelPrepass {
        logoUrls = Collections.unmodifiableSet(new LinkedHashSet<>(logoUrls));
    }

    /** Reads the channels once when the proxy's numbering or logo caching needs it. */
    static ChannelPrepass run(
            StreamProxy proxy, ProxyRules rules, ChannelFeed channels, GenerationReportBuilder report) {
        boolean numbers = proxy.numbering().mode() == NumberingMode.PRESERVE;
        boolean logos = proxy.output().cacheLogos();
        if (!numbers && !logos) {
            return NOT_NEEDED;
        }
        long started = System.nanoTime();
        if (!logos && leavesEveryChannelAsItIs(proxy, rules)) {
            Learning learning = new Learning(false);
            channels.feedNumbers(learning::learnNumber);
            report.stage("prepass", learning.count, learning.count, started);
            return new ChannelPrepass(learning.highest, Set.of());
        }
        // a throwaway context: the pre-pass must not count evaluation errors twice
        StageMeter<ProxyChannel> meter =
                new StageMeter<>(ChannelPass.upToNumbering(proxy, rules, new EvaluationContext()));
        Learning learning = new Learning(logos);
        channels.feed(item -> {
            learning.count++;
            if (meter.apply(item) instanceof StageOutcome.Kept<ProxyChannel> kept) {
                learning.learn(kept.value());
            }
        });
        report.stage("prepass", learning.count, learning.count, started);
        return new ChannelPrepass(learning.highest, learning.urls);
    }

    /**
     * Whether no stage before numbering can change a channel's number or drop one: no mapping rule, override or
     * filter, no deduplication. Then the highest number is found from the stored numbers alone, without reading
     * and decoding whole channels (at 100k channels, a second full read of the store).
     */
    private static boolean leavesEveryChannelAsItIs(StreamProxy proxy, ProxyRules rules) {
        return rules.channelMapping().isEmpty()
                && rules.overrides().isEmpty()
                && rules.channelFilters().isEmpty()
                && !proxy.output().deduplicateStreams();
    }

    /** What the pre-pass has seen so far. */
    private static final class Learning {
        private final boolean logos;
        private final Set<String> urls = new LinkedHashSet<>();
        private long count;
        private int highest;

        Learning(boolean logos) {
            this.logos = logos;
        }

        void learnNumber(@Nullable String providerNumber) {
            count++;
            number(providerNumber);
        }

        void learn(ProxyChannel output) {
            number(output.channel().tvgChno());
            String logo = output.logo();
            if (logos && logo != null && HTTP.matcher(logo).lookingAt()) {
                urls.add(logo);
            }
        }

        private void number(@Nullable String providerNumber) {
            Integer number = ChannelNumberer.preservable(providerNumber);
            if (number != null && number > highest) {
                highest = number;
            }
        }
    }
}
