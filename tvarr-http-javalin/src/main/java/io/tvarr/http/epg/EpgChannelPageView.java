package io.tvarr.http.epg;

import java.util.List;

/** One page of guide channels. */
record EpgChannelPageView(List<EpgChannelView> items, int page, int size, long total) {}
