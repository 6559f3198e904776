package io.chainpos.till.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinInitialsTest {

    @Test
    void aChineseNameGivesTheInitialsOfItsReadings() {
        assertThat(PinyinInitials.of("可口可乐").split(" ")).contains("kkkl");
        assertThat(PinyinInitials.of("全麦面包")).isEqualTo("qmmb");
        assertThat(PinyinInitials.of("农夫山泉")).isEqualTo("nfsq");
    }

    @Test
    void lettersAndDigitsCountAsThemselvesAndPunctuationNotAtAll() {
        assertThat(PinyinInitials.of("AD钙奶")).isEqualTo("adgn");
        assertThat(PinyinInitials.of("可口可乐 330ml").split(" ")).contains("kkkl330ml");
        assertThat(PinyinInitials.of("ＡＤ钙奶（大）")).isEqualTo("adgnd"); // full-width letters and brackets
        assertThat(PinyinInitials.of("—·—")).isEmpty();
    }

    @Test
    void aCharacterWithTwoReadingsGivesBothCodesTheCommonOneFirst() {
        // 乐 reads lè (快乐) and yuè (音乐); 行 reads xíng and háng
        assertThat(PinyinInitials.of("音乐").split(" ")).containsExactlyInAnyOrder("yl", "yy");
        assertThat(PinyinInitials.of("银行卡").split(" ")).contains("yhk", "yxk");
    }

    @Test
    void aNameOfManyPolyphonesKeepsAtMostEightCodes() {
        assertThat(PinyinInitials.of("长长长长长长长长长长").split(" ")).hasSizeLessThanOrEqualTo(PinyinInitials.MAX_CODES);
    }
}
