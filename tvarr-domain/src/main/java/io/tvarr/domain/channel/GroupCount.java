package io.tvarr.domain.channel;

/** A channel group and how many channels it holds. */
public record GroupCount(String group, long channels) {}
