package io.chainpos.till.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A product name's pinyin initials (助记码), what a cashier types to find 可口可乐: {@code kkkl}. Letters and
 * digits in the name count as themselves ({@code AD钙奶}: {@code adgn}); other characters are left out. A character
 * with several readings (乐: lè, yuè) gives each of its initials, so a name can have several codes, the most
 * common reading first; at most {@link #MAX_CODES} of them.
 */
final class PinyinInitials {
    static final int MAX_CODES = 8;

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private PinyinInitials() {
    }

    /** The name's codes separated by spaces, e.g. {@code "kkkl kkky"}; empty when the name has none. */
    static String of(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC); // full-width Ａ１ as A1
        List<StringBuilder> codes = new ArrayList<>();
        codes.add(new StringBuilder());
        for (int i = 0; i < text.length(); i++) {
            Set<Character> initials = initialsOf(text.charAt(i));
            if (initials.isEmpty()) {
                continue;
            }
            List<StringBuilder> next = new ArrayList<>();
            for (char initial : initials) {
                for (StringBuilder code : codes) {
                    if (next.size() < MAX_CODES) {
                        next.add(new StringBuilder(code).append(initial));
                    }
                }
            }
            codes = next;
        }
        return String.join(" ", codes.stream().map(StringBuilder::toString).distinct().toList()).strip();
    }

    private static Set<Character> initialsOf(char c) {
        Set<Character> initials = new LinkedHashSet<>();
        if (c < 128) {
            if (Character.isLetterOrDigit(c)) {
                initials.add(Character.toLowerCase(c));
            }
            return initials;
        }
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (readings != null) {
                for (String reading : readings) {
                    if (!reading.isEmpty()) {
                        initials.add(reading.charAt(0));
                    }
                }
            }
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("the pinyin output format is fixed above and valid", e);
        }
        return initials;
    }
}
