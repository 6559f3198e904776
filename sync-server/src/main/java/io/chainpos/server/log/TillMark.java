package io.chainpos.server.log;

/** A till epoch's high-water mark and the largest hlc among its events, so a writer can stay monotonic. */
public record TillMark(long ackedThrough, long lastHlc) {
    public static final TillMark NONE = new TillMark(0, 0);
}
