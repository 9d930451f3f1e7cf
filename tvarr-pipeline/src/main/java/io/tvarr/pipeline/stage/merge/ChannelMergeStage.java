package io.tvarr.pipeline.stage.merge;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the first channel of each merge key (its tvg-id or normalised name, as the proxy's {@link MergeBy} says,
 * after mapping) and drops the later ones as merged into it: they become its failover streams, in the order they
 * came (the proxy's source order). Memory grows with the output channels.
 */
public final class ChannelMergeStage implements Stage<ProxyChannel> {
    static final String MERGED = "merged_into_earlier_channel";
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final MergeBy mergeBy;
    private final Map<String, ChannelId> primaries = new HashMap<>();
    private final Map<ChannelId, List<ChannelId>> merged = new LinkedHashMap<>();

    public ChannelMergeStage(MergeBy mergeBy) {
        this.mergeBy = mergeBy;
    }

    @Override
    public String name() {
        return "channel_merge";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        String key = key(item.channel());
        if (key == null) {
            return StageOutcome.kept(item);
        }
        ChannelId primary = primaries.putIfAbsent(key, item.channel().id());
        if (primary == null) {
            return StageOutcome.kept(item);
        }
        merged.computeIfAbsent(primary, p -> new ArrayList<>())
                .add(item.channel().id());
        return StageOutcome.dropped(MERGED);
    }

    /** Each kept channel that others were merged into, with them in order; complete once the pass is done. */
    public void forEachMerge(BiConsumer<ChannelId, List<ChannelId>> sink) {
        merged.forEach(sink);
    }

    private @Nullable String key(Channel channel) {
        String id = channel.tvgId();
        String tvgId = id == null ? null : "id:" + id.strip().toLowerCase(Locale.ROOT);
        return switch (mergeBy) {
            case NONE -> null;
            case TVG_ID -> tvgId;
            case NAME -> name(channel);
            case TVG_ID_OR_NAME -> tvgId != null ? tvgId : name(channel);
        };
    }

    private static @Nullable String name(Channel channel) {
        String plain = ACCENTS.matcher(Normalizer.normalize(channel.name(), Normalizer.Form.NFD))
                .replaceAll("");
        String key = NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("");
        return key.isEmpty() ? null : "name:" + key;
    }
}
