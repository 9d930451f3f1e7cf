package io.tvarr.pipeline.stage.rules;

import io.tvarr.domain.source.StreamSource;
import io.tvarr.expression.ChannelRecord;
import io.tvarr.pipeline.stage.ProxyChannel;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Loads a stage's {@link ChannelRecord} with a proxy channel. The source's fields (name, type, URL) are worked out
 * once per source, not per channel: a proxy's channels come source by source, and the type's lower-casing was a
 * new string for every channel of every generation (#19). Not thread-safe, as the record.
 */
final class ChannelRecordLoader {
    private final ChannelRecord record = new ChannelRecord();
    private @Nullable StreamSource source;
    private String sourceType = "";
    private String sourceUrl = "";

    ChannelRecord load(ProxyChannel item) {
        StreamSource from = item.source();
        if (from != source) {
            source = from;
            sourceType = from.kind().name().toLowerCase(Locale.ROOT);
            sourceUrl = from.url().toString();
        }
        return record.load(item.channel(), from.name(), sourceType, sourceUrl);
    }
}
