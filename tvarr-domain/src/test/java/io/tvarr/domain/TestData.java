package io.tvarr.domain;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.Numbering;
import io.tvarr.domain.proxy.OutputSettings;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.Credentials;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Test-data builders shared with every module through the domain test-jar. */
public final class TestData {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestData() {}

    public static StreamSource anM3uSource(String name) {
        return new StreamSource(
                SourceId.random(),
                name,
                SourceKind.M3U,
                URI.create("http://provider.example/" + name + ".m3u"),
                null,
                null,
                true,
                null,
                0,
                XtreamOutput.TS,
                false,
                false,
                T0,
                T0);
    }

    public static StreamSource anXtreamSource(String name) {
        return new StreamSource(
                SourceId.random(),
                name,
                SourceKind.XTREAM,
                URI.create("http://panel.example:8080"),
                new Credentials("user", "secret"),
                "tvarr-test",
                true,
                "0 */6 * * *",
                2,
                XtreamOutput.TS,
                false,
                false,
                T0,
                T0);
    }

    public static EpgSource anXmltvSource(String name) {
        return new EpgSource(
                EpgSourceId.random(),
                name,
                EpgSourceKind.XMLTV,
                URI.create("http://guide.example/" + name + ".xml"),
                null,
                null,
                true,
                null,
                0,
                ZoneOffset.UTC,
                RetentionWindow.DEFAULT,
                T0,
                T0);
    }

    /** An XMLTV guide read from a file on this machine ({@code file:} URL). */
    public static EpgSource aLocalXmltvSource(String name) {
        EpgSource remote = anXmltvSource(name);
        return new EpgSource(
                remote.id(),
                name,
                EpgSourceKind.XMLTV,
                URI.create("file:/guides/" + name + ".xml"),
                null,
                null,
                true,
                null,
                0,
                ZoneOffset.UTC,
                RetentionWindow.DEFAULT,
                T0,
                T0);
    }

    /** A proxy of the given sources with default settings and redirect delivery. */
    public static StreamProxy aProxy(String slug, SourceId... sources) {
        return new StreamProxy(
                ProxyId.random(),
                slug,
                slug,
                List.of(sources),
                List.of(),
                List.of(),
                List.of(),
                Numbering.DEFAULT,
                DeliveryMode.REDIRECT,
                null,
                OutputSettings.DEFAULT,
                null,
                T0,
                T0);
    }

    public static ChannelBuilder aChannel() {
        return new ChannelBuilder();
    }

    public static EpgChannel anEpgChannel(EpgSourceId source, String id, String displayName) {
        return new EpgChannel(source, id, List.of(new LocalizedText(displayName, "en")), null, null);
    }

    public static EpgProgramme aProgramme(EpgSourceId source, String channelId, Instant start, String title) {
        return new EpgProgramme(
                source,
                channelId,
                start,
                start.plus(Duration.ofMinutes(30)),
                title,
                "en",
                null,
                "About " + title,
                List.of("News"),
                null,
                "0.1.0/1",
                "S01E02",
                null,
                Set.of(),
                null);
    }

    /** Builds channels with sensible defaults; only what a test cares about needs setting. */
    public static final class ChannelBuilder {
        private SourceId source = new SourceId(new java.util.UUID(0, 1));
        private @Nullable String externalKey;
        private @Nullable String tvgId;
        private @Nullable String tvgName;
        private @Nullable String tvgChno;
        private String name = "Channel";
        private @Nullable String group = "General";
        private @Nullable String logo;
        private @Nullable String url;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        public ChannelBuilder from(SourceId value) {
            source = value;
            return this;
        }

        public ChannelBuilder named(String value) {
            name = value;
            return this;
        }

        public ChannelBuilder withKey(String value) {
            externalKey = value;
            return this;
        }

        public ChannelBuilder withTvgId(@Nullable String value) {
            tvgId = value;
            return this;
        }

        public ChannelBuilder withTvgName(@Nullable String value) {
            tvgName = value;
            return this;
        }

        public ChannelBuilder withNumber(@Nullable String value) {
            tvgChno = value;
            return this;
        }

        public ChannelBuilder inGroup(@Nullable String value) {
            group = value;
            return this;
        }

        public ChannelBuilder withLogo(@Nullable String value) {
            logo = value;
            return this;
        }

        public ChannelBuilder withUrl(String value) {
            url = value;
            return this;
        }

        public ChannelBuilder withAttribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        public Channel build() {
            String streamUrl = url != null ? url : "http://provider.example/live/" + name.hashCode() + ".ts";
            String key = externalKey != null ? externalKey : streamUrl;
            return Channel.of(source, key, tvgId, tvgName, tvgChno, name, group, logo, streamUrl, attributes);
        }
    }
}
