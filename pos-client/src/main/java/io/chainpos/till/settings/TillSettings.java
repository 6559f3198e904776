package io.chainpos.till.settings;

import io.chainpos.model.pricing.CashRounding;
import java.util.Objects;

/**
 * The till's own settings, kept in {@code till.properties} in its data folder and edited on the settings screen:
 * the screens' language ({@code SYSTEM} follows the computer's), how sale totals are rounded (抹零), and how much of
 * a line a cashier may take off without a manager's PIN.
 */
public record TillSettings(Language language, CashRounding cashRounding, int cashierDiscountLimitPercent) {

    /** The screens' language. */
    public enum Language {
        SYSTEM("system"), ZH_CN("zh-CN"), EN("en");

        private final String code;

        Language(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Language ofCode(String text) {
            for (Language language : values()) {
                if (language.code.equalsIgnoreCase(text.strip())) {
                    return language;
                }
            }
            throw new IllegalArgumentException("system, zh-CN or en, not '" + text + "'");
        }
    }

    public TillSettings {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(cashRounding, "cashRounding");
        if (cashierDiscountLimitPercent < 0 || cashierDiscountLimitPercent > 100) {
            throw new IllegalArgumentException("a discount limit is 0 to 100 %, not " + cashierDiscountLimitPercent);
        }
    }

    public static TillSettings defaults() {
        return new TillSettings(Language.SYSTEM, CashRounding.NONE, 10);
    }

    public TillSettings withLanguage(Language newLanguage) {
        return new TillSettings(newLanguage, cashRounding, cashierDiscountLimitPercent);
    }
}
