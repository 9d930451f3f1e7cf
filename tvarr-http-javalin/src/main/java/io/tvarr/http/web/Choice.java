package io.tvarr.http.web;

/** One thing a proxy may use (a source, guide, filter or rule), as a checkbox shows it. */
public record Choice(String id, String name) {}
