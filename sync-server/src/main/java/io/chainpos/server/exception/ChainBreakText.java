package io.chainpos.server.exception;

import io.chainpos.model.event.EventChain;
import io.chainpos.server.web.PageRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CHAIN_BROKEN} exception in the page's language, from the figures of its detail as the event log writes it
 * ({@code epoch <e> seq <s>: <what>, expected <hash> got <hash>}, docs/protocol.md), hashes cut to the digits a Z
 * report prints. A detail in another shape is shown as it is.
 */
final class ChainBreakText {
    private static final String HASH = "([0-9a-f]{64}|unknown|none)";
    private static final Pattern MISSING = Pattern.compile(
            "epoch (\\d+) seq (\\d+): events (\\d+) to (\\d+) are missing, expected " + HASH + " got " + HASH);
    private static final Pattern CHANGED = Pattern.compile(
            "epoch (\\d+) seq (\\d+): the event at seq (\\d+) is not the one this event was chained to, expected " + HASH + " got " + HASH);
    private static final Pattern UNCHAINED = Pattern.compile(
            "epoch (\\d+) seq (\\d+): not chained, after a chained event, expected " + HASH + " got none");

    private ChainBreakText() {
    }

    static String of(PageRequest request, String detail) {
        if (detail == null) {
            return "";
        }
        Matcher m = MISSING.matcher(detail);
        if (m.matches()) {
            return request.text("exception.detail.CHAIN_BROKEN.missing", m.group(1), m.group(2), m.group(3), m.group(4),
                    hash(m.group(5)), hash(m.group(6)));
        }
        m = CHANGED.matcher(detail);
        if (m.matches()) {
            return request.text("exception.detail.CHAIN_BROKEN.changed", m.group(1), m.group(2), m.group(3),
                    hash(m.group(4)), hash(m.group(5)));
        }
        m = UNCHAINED.matcher(detail);
        if (m.matches()) {
            return request.text("exception.detail.CHAIN_BROKEN.unchained", m.group(1), m.group(2), hash(m.group(3)));
        }
        return detail;
    }

    private static String hash(String hash) {
        return hash.length() == 64 ? EventChain.shortHash(hash) : "—";
    }
}
