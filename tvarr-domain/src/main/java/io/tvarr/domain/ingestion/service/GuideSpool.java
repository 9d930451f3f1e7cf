package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.ProgrammeFlag;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The guide one refresh of a source read, channels and programmes as they were interleaved, held in a
 * {@link SpoolFile} until they are stored. A programme of the same channel as the one before it does not repeat the
 * channel's id, the common case of a guide listing a channel's programmes together. Not thread-safe.
 */
final class GuideSpool implements EpgSink, AutoCloseable {
    private static final int CHANNEL = 0;
    private static final int PROGRAMME = 1;
    private static final ProgrammeFlag[] FLAGS = ProgrammeFlag.values();
    /** Bit 4 of a programme's flag byte: its channel is the one of the programme before it. */
    private static final int SAME_CHANNEL = 1 << FLAGS.length;
    /** Every set of flags by its bits, made once: the programme keeps these immutable sets as they are. */
    private static final List<Set<ProgrammeFlag>> FLAG_SETS = flagSets();

    private final EpgSourceId source;
    private final SpoolFile file;
    private long channels;
    private long programmes;
    private @Nullable String lastChannel;

    GuideSpool(Path directory, EpgSourceId source) {
        this.source = source;
        this.file = SpoolFile.create(directory);
    }

    @Override
    public void channel(EpgChannel channel) {
        file.writeByte(CHANNEL);
        file.writeText(channel.id());
        file.writeCount(channel.displayNames().size());
        for (LocalizedText name : channel.displayNames()) {
            file.writeText(name.text());
            file.writeText(name.lang());
        }
        file.writeText(channel.iconUrl());
        file.writeText(channel.url());
        channels++;
    }

    @Override
    public void programme(EpgProgramme programme) {
        boolean same = programme.channelId().equals(lastChannel);
        int bits = same ? SAME_CHANNEL : 0;
        for (ProgrammeFlag flag : programme.flags()) {
            bits |= 1 << flag.ordinal();
        }
        file.writeByte(PROGRAMME);
        file.writeByte(bits);
        if (!same) {
            file.writeText(programme.channelId());
            lastChannel = programme.channelId();
        }
        Instant start = programme.start();
        Instant stop = programme.stop();
        file.writeSigned(start.getEpochSecond());
        file.writeCount(start.getNano());
        file.writeCount(stop.getEpochSecond() - start.getEpochSecond());
        file.writeCount(stop.getNano());
        file.writeText(programme.title());
        file.writeText(programme.titleLang());
        file.writeText(programme.subTitle());
        file.writeText(programme.description());
        file.writeCount(programme.categories().size());
        for (String category : programme.categories()) {
            file.writeText(category);
        }
        file.writeText(programme.iconUrl());
        file.writeText(programme.episodeXmltvNs());
        file.writeText(programme.episodeOnscreen());
        file.writeText(programme.rating());
        file.writeText(programme.extraXml());
        programmes++;
    }

    /** How many programmes were spooled. */
    long programmes() {
        return programmes;
    }

    /** Hands every spooled channel and programme to the sink, in the order they came; once. */
    void replayTo(EpgSink sink) {
        file.rewind();
        String channel = "";
        for (long i = 0, entries = channels + programmes; i < entries; i++) {
            if (file.readByte() == CHANNEL) {
                sink.channel(readChannel());
            } else {
                int bits = file.readByte();
                if ((bits & SAME_CHANNEL) == 0) {
                    channel = file.readRequiredText();
                }
                sink.programme(readProgramme(channel, FLAG_SETS.get(bits & (SAME_CHANNEL - 1))));
            }
        }
    }

    private EpgChannel readChannel() {
        String id = file.readRequiredText();
        int count = (int) file.readCount();
        LocalizedText[] names = new LocalizedText[count];
        for (int i = 0; i < count; i++) {
            names[i] = new LocalizedText(file.readRequiredText(), file.readText());
        }
        return new EpgChannel(source, id, List.of(names), file.readText(), file.readText());
    }

    private EpgProgramme readProgramme(String channel, Set<ProgrammeFlag> flags) {
        long startSecond = file.readSigned();
        Instant start = Instant.ofEpochSecond(startSecond, file.readCount());
        Instant stop = Instant.ofEpochSecond(startSecond + file.readCount(), file.readCount());
        String title = file.readRequiredText();
        String titleLang = file.readText();
        String subTitle = file.readText();
        String description = file.readText();
        int count = (int) file.readCount();
        List<String> categories = List.of();
        if (count > 0) {
            String[] read = new String[count];
            for (int i = 0; i < count; i++) {
                read[i] = file.readRequiredText();
            }
            categories = List.of(read);
        }
        return new EpgProgramme(
                source,
                channel,
                start,
                stop,
                title,
                titleLang,
                subTitle,
                description,
                categories,
                file.readText(),
                file.readText(),
                file.readText(),
                file.readText(),
                flags,
                file.readText());
    }

    private static List<Set<ProgrammeFlag>> flagSets() {
        @SuppressWarnings("unchecked")
        Set<ProgrammeFlag>[] sets = new Set[1 << FLAGS.length];
        for (int bits = 0; bits < sets.length; bits++) {
            EnumSet<ProgrammeFlag> set = EnumSet.noneOf(ProgrammeFlag.class);
            for (ProgrammeFlag flag : FLAGS) {
                if ((bits & (1 << flag.ordinal())) != 0) {
                    set.add(flag);
                }
            }
            sets[bits] = Set.copyOf(set);
        }
        return List.of(sets);
    }

    @Override
    public void close() {
        file.close();
    }
}
