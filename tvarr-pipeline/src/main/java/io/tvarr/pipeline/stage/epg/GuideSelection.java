package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.epg.ChannelIdRange;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The guide channels the output uses, in first-use order, with what the XMLTV writes for them. Two sources may
 * use the same channel id; the first one matched owns the id and its programmes are the ones written, so the
 * guide never holds two programme lists under one id. Memory grows with output channels, not with programmes.
 */
public final class GuideSelection {
    /** A guide channel as written: the output channel's name first, then the guide's own names. */
    public record WrittenChannel(
            String id,
            List<LocalizedText> displayNames,
            @Nullable String icon,
            @Nullable String group) {}

    private final Map<String, EpgSourceId> owners = new HashMap<>();
    private final Map<EpgSourceId, Map<String, WrittenChannel>> bySource = new LinkedHashMap<>();

    /** Records that an output channel uses this guide channel; returns the id to write as its tvg-id. */
    public String select(EpgChannel guide, String outputName, @Nullable String outputLogo, @Nullable String group) {
        EpgSourceId owner = owners.putIfAbsent(guide.id(), guide.sourceId());
        if (owner == null) {
            List<LocalizedText> names = new ArrayList<>();
            names.add(new LocalizedText(outputName, null));
            for (LocalizedText name : guide.displayNames()) {
                if (!name.text().equals(outputName)) {
                    names.add(name);
                }
            }
            String icon = outputLogo != null ? outputLogo : guide.iconUrl();
            bySource.computeIfAbsent(guide.sourceId(), s -> new HashMap<>())
                    .put(guide.id(), new WrittenChannel(guide.id(), names, icon, group));
        }
        return guide.id();
    }

    /**
     * Splits the channels used from one source into two id ranges of about as many channels each, to be read side
     * by side; one range covering all when there are too few to split. One boundary always partitions the rows,
     * whatever collation the store compares ids with; several could overlap where it orders them unlike Java.
     */
    public List<ChannelIdRange> halves(EpgSourceId source) {
        Map<String, WrittenChannel> channels = bySource.getOrDefault(source, Map.of());
        if (channels.size() < 4) {
            return List.of(ChannelIdRange.ALL);
        }
        List<String> ids = new ArrayList<>(channels.keySet());
        Collections.sort(ids);
        String middle = ids.get(ids.size() / 2);
        return List.of(new ChannelIdRange(null, middle), new ChannelIdRange(middle, null));
    }

    /** The channels used from one source by guide channel id; read-only. */
    public Map<String, WrittenChannel> channelsOf(EpgSourceId source) {
        return Collections.unmodifiableMap(bySource.getOrDefault(source, Map.of()));
    }

    /** The source whose programmes the guide writes under this channel id; null when it writes none. */
    public @Nullable EpgSourceId owner(String id) {
        return owners.get(id);
    }

    public boolean uses(EpgSourceId source) {
        return bySource.containsKey(source);
    }

    public void forEach(Consumer<WrittenChannel> consumer) {
        bySource.values().forEach(channels -> channels.values().forEach(consumer));
    }

    public int size() {
        return owners.size();
    }
}
