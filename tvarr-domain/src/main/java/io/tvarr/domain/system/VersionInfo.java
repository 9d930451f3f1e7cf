package io.tvarr.domain.system;

/** The running build: tvarr's version and the Java runtime it runs on. */
public record VersionInfo(String name, String version, String javaVersion) {}
