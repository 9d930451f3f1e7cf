package io.tvarr.http.web;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.ProxyFailover;
import java.util.ArrayList;
import java.util.List;

/**
 * One change the failover page makes to a channel's alternates by hand, applied to the stored settings as a whole
 * (the use case, like the API's {@code PUT}, replaces them whole). The result is checked by the domain's records: a
 * channel named as its own alternate, twice, or more than 20 times is a {@link io.tvarr.domain.ValidationException}.
 */
sealed interface AlternatesEdit {
    /** The alternates of the channel after the edit; empty removes the channel's entry. */
    List<ChannelId> apply(List<ChannelId> alternates);

    /** {@code alternate} tried last. */
    record Add(ChannelId alternate) implements AlternatesEdit {
        @Override
        public List<ChannelId> apply(List<ChannelId> alternates) {
            List<ChannelId> added = new ArrayList<>(alternates);
            added.add(alternate);
            return added;
        }
    }

    record Remove(ChannelId alternate) implements AlternatesEdit {
        @Override
        public List<ChannelId> apply(List<ChannelId> alternates) {
            return alternates.stream().filter(a -> !a.equals(alternate)).toList();
        }
    }

    /** {@code alternate} one place earlier ({@code up}) or later; at either end, or not listed, nothing moves. */
    record Move(ChannelId alternate, boolean up) implements AlternatesEdit {
        @Override
        public List<ChannelId> apply(List<ChannelId> alternates) {
            List<ChannelId> moved = new ArrayList<>(alternates);
            int from = moved.indexOf(alternate);
            int to = up ? from - 1 : from + 1;
            if (from >= 0 && to >= 0 && to < moved.size()) {
                moved.set(from, moved.get(to));
                moved.set(to, alternate);
            }
            return moved;
        }
    }

    /** The stored settings with this edit made to the alternates of {@code channel}, keeping the entries' order. */
    default ProxyFailover applyTo(ProxyFailover stored, ChannelId channel) {
        List<ChannelAlternates> manual = new ArrayList<>();
        boolean found = false;
        for (ChannelAlternates entry : stored.manual()) {
            if (entry.channel().equals(channel)) {
                found = true;
                addUnlessEmpty(manual, channel, apply(entry.alternates()));
            } else {
                manual.add(entry);
            }
        }
        if (!found) {
            addUnlessEmpty(manual, channel, apply(List.of()));
        }
        return new ProxyFailover(stored.mergeBy(), manual);
    }

    private static void addUnlessEmpty(List<ChannelAlternates> manual, ChannelId channel, List<ChannelId> alternates) {
        if (!alternates.isEmpty()) {
            manual.add(new ChannelAlternates(channel, alternates));
        }
    }
}
