package io.tvarr.domain.proxy;

/** How output channels get their numbers. */
public enum NumberingMode {
    /** Keep tvg-chno; number the rest after the highest kept number. */
    PRESERVE,
    /** 1..n in output order from the start number. */
    SEQUENTIAL,
    /** One block per source. */
    SOURCE_BASED,
    /** One block per group. */
    GROUP
}
