package io.chainpos.till.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void typedYuanBecomeFenExactlyOrNothing() {
        assertThat(Amounts.parseYuan("12")).hasValue(1200);
        assertThat(Amounts.parseYuan(" 12.5 ")).hasValue(1250);
        assertThat(Amounts.parseYuan(".05")).hasValue(5);
        assertThat(Amounts.parseYuan("12.")).hasValue(1200);
        assertThat(Amounts.parseYuan("1.005")).isEmpty();
        assertThat(Amounts.parseYuan("-3")).isEmpty();
        assertThat(Amounts.parseYuan("12,50")).isEmpty();
        assertThat(Amounts.parseYuan("")).isEmpty();
        assertThat(Amounts.parseYuan(null)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void quantitiesArePositiveThousandths() {
        assertThat(Amounts.parseQuantity("2")).hasValue(2000);
        assertThat(Amounts.parseQuantity("0.355")).hasValue(355);
        assertThat(Amounts.parseQuantity("0")).isEmpty();
        assertThat(Amounts.parseQuantity("0.0005")).isEmpty();
        assertThat(Amounts.quantity(2000)).isEqualTo("2");
        assertThat(Amounts.quantity(500)).isEqualTo("0.5");
    }

    @Test
    void moneyReadsAsTheCashierSaysIt() {
        assertThat(Amounts.money(1250)).isEqualTo("¥12.50");
        assertThat(Amounts.money(-300)).isEqualTo("-¥3.00");
        assertThat(Amounts.yuan(5)).isEqualTo("0.05");
    }
}
