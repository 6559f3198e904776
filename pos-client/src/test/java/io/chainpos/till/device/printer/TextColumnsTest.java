package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TextColumnsTest {
    private static final CodePage CHINESE = CodePage.GB18030;

    @Test
    void aChineseCharacterTakesTwoColumnsAndAsciiOne() {
        assertThat(CHINESE.columns("可口可乐 330ml")).isEqualTo(8 + 1 + 5);
        assertThat(CHINESE.columns("，")).isEqualTo(2);
        assertThat(CodePage.CP437.columns("可口可乐")).isEqualTo(4);
    }

    @Test
    void spreadFillsTheLineExactlyAndNeverCutsACharacterInHalf() {
        assertThat(TextColumns.spread("现金", "50.00", 12, CHINESE)).isEqualTo("现金   50.00");
        assertThat(TextColumns.spread("可口可乐", "1.00", 9, CHINESE)).isEqualTo("可口 1.00");
        assertThat(TextColumns.truncate("可口可乐", 5, CHINESE)).isEqualTo("可口");
    }

    @Test
    void latinTextWrapsAtSpacesAndChineseAnywhere() {
        assertThat(TextColumns.wrap("Wholemeal sourdough bread, sliced", 16, CHINESE))
                .containsExactly("Wholemeal", "sourdough bread,", "sliced");
        assertThat(TextColumns.wrap("红富士苹果特级大果", 8, CHINESE)).containsExactly("红富士苹", "果特级大", "果");
    }

    @Property
    void wrappedLinesFitAndKeepEveryCharacter(@ForAll("mixedText") String text, @ForAll @IntRange(min = 4, max = 48) int columns) {
        List<String> lines = TextColumns.wrap(text, columns, CHINESE);

        assertThat(lines).allMatch(line -> CHINESE.columns(line) <= columns);
        assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.strip().replace(" ", ""));
    }

    @Provide
    Arbitrary<String> mixedText() {
        return Arbitraries.strings().withChars("可口乐苹果面包abcXYZ0123 -,.").ofMinLength(0).ofMaxLength(120);
    }
}
