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
    /**
     * A guide channel as written: the output channel's name first, then its published number, then the guide's own
     * names. Tuner clients join guide and lineup by these: Plex by the number among the display-names, Jellyfin and
     * Emby by the number or by the first display-name against the lineup's GuideName.
     */
    public record WrittenChannel(
            String id,
            List<LocalizedText> displayNames,
            @Nullable String icon,
            @Nullable String group) {}

    private final Map<String, EpgSourceId> owners = new HashMap<>();
    private final Map<EpgSourceId, Map<String, WrittenChannel>> bySource = new LinkedHashMap<>();

    /**
     * Records that an output channel uses this guide channel; returns the id to write as its tvg-id.
     *
     * @param number the channel's published number (the tuner lineup's GuideNumber)
     */
    public String select(
            EpgChannel guide, String outputName, String number, @Nullable String outputLogo, @Nullable String group) {
        EpgSourceId owner = owners.putIfAbsent(guide.id(), guide.sourceId());
        if (owner == null) {
            List<LocalizedText> names = new ArrayList<>();
            names.add(new LocalizedText(outputName, null));
            if (!number.equals(outputName)) {
                names.add(new LocalizedText(number, null));
            }
            for (LocalizedText name : guide.displayNames()) {
                // a guide's own bare number would be a second, different number for Plex to match against
                if (!name.text().equals(outputName) && !name.text().equals(number) && !isNumber(name.text())) {
                    names.add(name);
                }
            }
            String icon = outputLogo != null ? outputLogo : guide.iconUrl();
            bySource.computeIfAbsent(guide.sourceId(), s -> new HashMap<>())
                    .put(guide.id(), new WrittenChannel(guide.id(), names, icon, group));
        }
        return guide.id();
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.');
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
