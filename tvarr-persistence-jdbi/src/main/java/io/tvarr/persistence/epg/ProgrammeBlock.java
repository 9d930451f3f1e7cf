package io.tvarr.persistence.epg;

/**
 * One row of {@code epg_programme_block} as written: a channel's programmes of one UTC day, encoded by
 * {@link ProgrammeCodec}. Times are epoch millis: the earliest start, the latest stop and the earliest stop.
 */
record ProgrammeBlock(String channel, long startAt, long stopAt, long firstStopAt, int count, byte[] programmes) {}
