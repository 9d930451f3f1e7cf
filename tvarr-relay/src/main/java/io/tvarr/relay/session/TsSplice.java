package io.tvarr.relay.session;

import java.util.Arrays;

/**
 * Joins the MPEG-TS of one upstream to the next so that decoders resynchronise: after a {@link #switched() switch}
 * it drops the new upstream's bytes up to its first PAT, so the PAT and PMT come first again; it carries each PID's
 * continuity counter on from the last packet sent, so no counter jumps; and it sets the discontinuity indicator in
 * the first adaptation field of each PID, because the clock and timestamps do jump. Bytes that are not TS packets
 * pass through unchanged. Not thread-safe: one session's reader thread owns it.
 */
final class TsSplice {
    static final int PACKET = 188;
    private static final int SYNC = 0x47;
    private static final int PIDS = 8192;

    /** Sink for spliced bytes. */
    interface Output {
        void write(byte[] bytes, int offset, int length) throws InterruptedException;
    }

    private final int patSearchLimit;
    private final byte[] pending = new byte[PACKET];
    private int pendingLength;
    private final int[] lastCounter = new int[PIDS];
    private final int[] counterShift = new int[PIDS];
    private final boolean[] rebased = new boolean[PIDS];
    private final boolean[] flagged = new boolean[PIDS];
    private boolean splicing;
    private boolean awaitingPat;
    private long searched;

    /** @param patSearchLimit bytes of a new upstream searched for a PAT before it is passed on without one */
    TsSplice(int patSearchLimit) {
        this.patSearchLimit = patSearchLimit;
        Arrays.fill(lastCounter, -1);
    }

    /** The next bytes come from a new upstream. */
    void switched() {
        pendingLength = 0;
        splicing = true;
        awaitingPat = true;
        searched = 0;
        Arrays.fill(rebased, false);
        Arrays.fill(flagged, false);
    }

    /** Passes {@code length} bytes on to {@code out}, whole packets at a time (a partial packet waits). */
    void write(byte[] bytes, int offset, int length, Output out) throws InterruptedException {
        int at = offset;
        int end = offset + length;
        if (pendingLength > 0) {
            int take = Math.min(PACKET - pendingLength, length);
            System.arraycopy(bytes, at, pending, pendingLength, take);
            pendingLength += take;
            at += take;
            if (pendingLength < PACKET) {
                return;
            }
            pendingLength = 0;
            if (pending[0] != SYNC || keep(pending, 0)) {
                out.write(pending, 0, PACKET);
            }
        }
        int run = at;
        while (at < end) {
            if ((bytes[at] & 0xFF) == SYNC) {
                if (end - at < PACKET) {
                    flush(bytes, run, at, out);
                    System.arraycopy(bytes, at, pending, 0, end - at);
                    pendingLength = end - at;
                    return;
                }
                if (!keep(bytes, at)) {
                    flush(bytes, run, at, out);
                    run = at + PACKET;
                }
                at += PACKET;
            } else if (awaitingPat) {
                // a new upstream is searched for a packet start; what comes before it is not TS
                flush(bytes, run, at, out);
                at++;
                run = at;
            } else {
                at++;
            }
        }
        flush(bytes, run, end, out);
    }

    /** Whether {@link #writeInPlace} may be used: no new upstream awaits its PAT, so no packet is dropped. */
    boolean inPlace() {
        return !awaitingPat;
    }

    /** The length of the partial packet the last write held back, 0 to 187. */
    int held() {
        return pendingLength;
    }

    /**
     * Copies the partial packet the last write held back to {@code target} at {@code offset}, to be written again in
     * front of the bytes that follow it, and forgets it.
     *
     * @return its length, 0 to 187
     */
    int drainPending(byte[] target, int offset) {
        int length = pendingLength;
        System.arraycopy(pending, 0, target, offset, length);
        pendingLength = 0;
        return length;
    }

    /**
     * What {@link #write} does, in place and only while {@link #inPlace()}: the packets of {@code bytes} from {@code
     * offset} are rewritten where they lie, and a packet cut at the end is held back (see {@link #drainPending}).
     *
     * @return how many bytes from {@code offset} are ready to go on
     */
    int writeInPlace(byte[] bytes, int offset, int length) {
        if (awaitingPat || pendingLength > 0) {
            throw new IllegalStateException("in place only with no PAT awaited and nothing held back");
        }
        int at = offset;
        int end = offset + length;
        while (at < end) {
            if ((bytes[at] & 0xFF) == SYNC) {
                if (end - at < PACKET) {
                    System.arraycopy(bytes, at, pending, 0, end - at);
                    pendingLength = end - at;
                    return at - offset;
                }
                keep(bytes, at);
                at += PACKET;
            } else {
                at++;
            }
        }
        return length;
    }

    private static void flush(byte[] bytes, int from, int to, Output out) throws InterruptedException {
        if (to > from) {
            out.write(bytes, from, to - from);
        }
    }

    /** Rewrites the packet in place for the splice; false to drop it (a new upstream before its PAT). */
    private boolean keep(byte[] bytes, int at) {
        int pid = ((bytes[at + 1] & 0x1F) << 8) | (bytes[at + 2] & 0xFF);
        if (awaitingPat) {
            searched += PACKET;
            if (pid != 0 && searched <= patSearchLimit) {
                return false;
            }
            awaitingPat = false;
        }
        int counter = bytes[at + 3] & 0x0F;
        if (splicing && !rebased[pid]) {
            rebased[pid] = true;
            counterShift[pid] = lastCounter[pid] < 0 ? 0 : (lastCounter[pid] + 1 - counter) & 0x0F;
        }
        int sent = (counter + counterShift[pid]) & 0x0F;
        bytes[at + 3] = (byte) ((bytes[at + 3] & 0xF0) | sent);
        lastCounter[pid] = sent;
        boolean hasAdaptation = (bytes[at + 3] & 0x20) != 0;
        if (splicing && !flagged[pid] && hasAdaptation && (bytes[at + 4] & 0xFF) > 0) {
            flagged[pid] = true;
            bytes[at + 5] = (byte) (bytes[at + 5] | 0x80);
        }
        return true;
    }
}
