package io.chainpos.model.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesDecimalAmountsExactly() {
        assertThat(Money.parse("12.30", Money.CNY)).isEqualTo(Money.cny(1230));
        assertThat(Money.parse("0.01", Money.CNY)).isEqualTo(Money.cny(1));
        assertThat(Money.parse("-5", Money.CNY)).isEqualTo(Money.cny(-500));
        assertThat(Money.parse("100", Currency.getInstance("JPY")).minor()).isEqualTo(100);
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> Money.parse("1.005", Money.CNY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an exact amount");
    }

    @Test
    void weighedQuantitiesRoundHalfUpToTheFen() {
        // 12.80 a kilo, 1.25 kg -> 16.00; 3.99 a kilo, 0.333 kg = 1.32867 -> 1.33; 0.005 -> up
        assertThat(Money.cny(1280).timesMilli(1250)).isEqualTo(Money.cny(1600));
        assertThat(Money.cny(399).timesMilli(333)).isEqualTo(Money.cny(133));
        assertThat(Money.cny(1).timesMilli(500)).isEqualTo(Money.cny(1));
        assertThat(Money.cny(1).timesMilli(499)).isEqualTo(Money.cny(0));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.cny(1).plus(Money.of(1, Currency.getInstance("USD"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("currency mismatch");
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.cny(Long.MAX_VALUE).plus(Money.cny(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void printsAsADecimal() {
        assertThat(Money.cny(-1205).toDecimalString()).isEqualTo("-12.05");
        assertThat(Money.cny(7).toString()).isEqualTo("CNY 0.07");
    }

    @Property
    void plusThenMinusIsIdentity(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
                                 @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
        assertThat(Money.cny(a).plus(Money.cny(b)).minus(Money.cny(b))).isEqualTo(Money.cny(a));
    }

    @Property
    void decimalStringParsesBack(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long fen) {
        Money money = Money.cny(fen);
        assertThat(Money.parse(money.toDecimalString(), Money.CNY)).isEqualTo(money);
    }
}
