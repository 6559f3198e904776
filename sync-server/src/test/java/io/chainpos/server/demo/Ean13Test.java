package io.chainpos.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ean13Test {
    @Test
    void computesTheCheckDigitOfKnownCodes() {
        assertThat(Ean13.withCheckDigit("400638133393")).isEqualTo("4006381333931");
        assertThat(Ean13.withCheckDigit("978030640615")).isEqualTo("9780306406157");
        assertThat(Ean13.withCheckDigit("690123456789")).isEqualTo("6901234567892");
    }

    @Test
    void validatesWholeCodes() {
        assertThat(Ean13.isValid("4006381333931")).isTrue();
        assertThat(Ean13.isValid("4006381333932")).isFalse();
        assertThat(Ean13.isValid("400638133393")).isFalse();
        assertThatThrownBy(() -> Ean13.withCheckDigit("12345")).isInstanceOf(IllegalArgumentException.class);
    }
}
