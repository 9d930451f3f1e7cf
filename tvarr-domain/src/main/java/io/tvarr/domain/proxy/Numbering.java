package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;

/** Numbering settings of a proxy; {@code blockSize} applies to source_based and group modes. */
public record Numbering(NumberingMode mode, int start, int blockSize) {
    public static final Numbering DEFAULT = new Numbering(NumberingMode.PRESERVE, 1, 100);

    public Numbering {
        Checks.requireNonNull(mode, "numbering_mode");
        Checks.requireRange(start, 0, 1_000_000, "numbering_start");
        Checks.requireRange(blockSize, 1, 1_000_000, "numbering_block_size");
    }
}
