package io.chainpos.server.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {placeholders} a template may use, found and filled in: pure, no I/O. */
public final class Placeholders {
    /** Every name a template may use; a message fills in those it has. */
    public static final Set<String> KNOWN = Set.of("name", "points", "expiringPoints", "expiryDate", "couponCode", "tier",
            "storedValue", "cardNo");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {
    }

    /** The placeholders in {@code body} that are not known, in the order they first appear. */
    public static List<String> unknown(String body) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
        while (m.find()) {
            if (!KNOWN.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return new ArrayList<>(unknown);
    }

    /** The placeholders {@code body} uses that {@code values} has nothing for, in the order they first appear. */
    public static List<String> unfilled(String body, Map<String, String> values) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(body == null ? "" : body);
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        return new ArrayList<>(missing);
    }

    /** {@code body} with each known placeholder replaced by its value ("" when the message has none). */
    public static String render(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(name, "")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
