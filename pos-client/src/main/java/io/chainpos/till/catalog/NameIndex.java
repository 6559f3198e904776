package io.chainpos.till.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The catalog's names in memory, for finding products by any part of a name or of its pinyin initials among
 * hundreds of thousands within a frame. Each product's searchable text (its Chinese and English names, lower
 * case, and its initials, over every version) is kept with, per character, the sorted list of products whose
 * text holds it; a query intersects the lists of its characters, rarest first, and checks what remains.
 * Immutable: the catalog builds a new one when its items change.
 */
final class NameIndex {
    static final NameIndex EMPTY = new NameIndex(-1, new String[0], new String[0], new int[Character.MAX_VALUE + 1][]);

    private final long generation;
    private final String[] skus;
    private final String[] texts;
    private final int[][] holders; // by character: the products whose text holds it, in order

    private NameIndex(long generation, String[] skus, String[] texts, int[][] holders) {
        this.generation = generation;
        this.skus = skus;
        this.texts = texts;
        this.holders = holders;
    }

    /** One catalog row's names: several rows of a SKU (versions, sources) add up. */
    record Names(String sku, String nameZh, String nameEn, String initials) {
    }

    /** Builds the index of {@code rows}, given in SKU order, as of catalog {@code generation}. */
    static NameIndex of(long generation, List<Names> rows) {
        List<String> skus = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Names row = rows.get(i);
            text.append(normal(row.nameZh())).append('\n').append(normal(row.nameEn())).append('\n')
                    .append(row.initials()).append('\n');
            if (i == rows.size() - 1 || !rows.get(i + 1).sku().equals(row.sku())) {
                skus.add(row.sku());
                texts.add(text.toString());
                text.setLength(0);
            }
        }
        int[] counts = new int[Character.MAX_VALUE + 1];
        int[] lastSeen = new int[Character.MAX_VALUE + 1];
        Arrays.fill(lastSeen, -1);
        for (int p = 0; p < texts.size(); p++) {
            String t = texts.get(p);
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != '\n' && lastSeen[c] != p) {
                    lastSeen[c] = p;
                    counts[c]++;
                }
            }
        }
        int[][] holders = new int[Character.MAX_VALUE + 1][];
        int[] filled = new int[Character.MAX_VALUE + 1];
        Arrays.fill(lastSeen, -1);
        for (int p = 0; p < texts.size(); p++) {
            String t = texts.get(p);
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != '\n' && lastSeen[c] != p) {
                    lastSeen[c] = p;
                    if (holders[c] == null) {
                        holders[c] = new int[counts[c]];
                    }
                    holders[c][filled[c]++] = p;
                }
            }
        }
        return new NameIndex(generation, skus.toArray(String[]::new), texts.toArray(String[]::new), holders);
    }

    long generation() {
        return generation;
    }

    int size() {
        return skus.length;
    }

    /** SKUs whose names or initials contain {@code query} (any case), in SKU order, at most {@code limit}. */
    List<String> find(String query, int limit) {
        String q = normal(query);
        if (q.isEmpty() || q.indexOf('\n') >= 0) {
            return List.of();
        }
        int[][] lists = new int[(int) q.chars().distinct().count()][];
        int n = 0;
        for (char c : q.chars().distinct().mapToObj(c -> (char) c).toList()) {
            int[] list = holders[c];
            if (list == null) {
                return List.of();
            }
            lists[n++] = list;
        }
        Arrays.sort(lists, (a, b) -> Integer.compare(a.length, b.length));
        int[] holdingAll = lists[0];
        int held = holdingAll.length;
        for (int i = 1; i < lists.length && held > 0; i++) {
            holdingAll = intersect(holdingAll, held, lists[i]);
            held = holdingAll.length;
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < held && found.size() < limit; i++) {
            if (texts[holdingAll[i]].contains(q)) {
                found.add(skus[holdingAll[i]]);
            }
        }
        return found;
    }

    /** The products in both sorted lists, sorted: one pass over each (a binary search per product cost ten times more). */
    private static int[] intersect(int[] a, int aLength, int[] b) {
        int[] both = new int[Math.min(aLength, b.length)];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < aLength && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                both[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(both, n);
    }

    /** How names and queries are compared: full-width forms as ASCII, lower case, spaces around trimmed. */
    static String normal(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }
}
