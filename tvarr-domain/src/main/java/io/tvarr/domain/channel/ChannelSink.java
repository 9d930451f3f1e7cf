package io.tvarr.domain.channel;

/** Receives channels one at a time as a producer streams them; implementations batch as they see fit. */
@FunctionalInterface
public interface ChannelSink {
    void accept(Channel channel);
}
