package io.chainpos.till.settings;

import io.chainpos.model.pricing.CashRounding;
import java.util.Objects;

/**
 * The till's own settings, kept in {@code till.properties} in its data folder and edited on the settings screen:
 * the screens' language ({@code SYSTEM} follows the computer's), how sale totals are rounded (抹零), and how much of
 * a line a cashier may take off without a manager's PIN; and where the till backs its ledger up and how many copies
 * it keeps ({@code backupFolder} empty: the {@code backups} folder in the data folder).
 */
public record TillSettings(Language language, CashRounding cashRounding, int cashierDiscountLimitPercent,
                           String backupFolder, int backupKeep) {
    public static final int DEFAULT_BACKUP_KEEP = 14;

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
        backupFolder = backupFolder == null ? "" : backupFolder.strip();
        if (backupKeep < 1 || backupKeep > 365) {
            throw new IllegalArgumentException("the till keeps 1 to 365 backups, not " + backupKeep);
        }
    }

    /** Selling settings with the backups where they are by default. */
    public TillSettings(Language language, CashRounding cashRounding, int cashierDiscountLimitPercent) {
        this(language, cashRounding, cashierDiscountLimitPercent, "", DEFAULT_BACKUP_KEEP);
    }

    public static TillSettings defaults() {
        return new TillSettings(Language.SYSTEM, CashRounding.NONE, 10);
    }

    public TillSettings withCashRounding(CashRounding newRounding) {
        return new TillSettings(language, newRounding, cashierDiscountLimitPercent, backupFolder, backupKeep);
    }

    public TillSettings withLanguage(Language newLanguage) {
        return new TillSettings(newLanguage, cashRounding, cashierDiscountLimitPercent, backupFolder, backupKeep);
    }
}
