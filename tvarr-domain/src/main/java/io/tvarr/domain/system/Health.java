package io.tvarr.domain.system;

/** Whether tvarr can serve requests; {@code detail} says why not. */
public record Health(boolean ready, String detail) {}
