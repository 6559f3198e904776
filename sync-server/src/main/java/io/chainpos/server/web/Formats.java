package io.chainpos.server.web;

import io.chainpos.model.money.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Money, dates and times as the page's language writes them, times in a store's zone (head office's zone,
 * Asia/Shanghai, until stores carry their own).
 */
public final class Formats {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Language language;
    private final ZoneId zone;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;

    public Formats(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(language.locale()).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale()).withZone(zone);
    }

    /** The same language in another store's zone. */
    public Formats in(ZoneId storeZone) {
        return new Formats(language, storeZone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code ¥1,234.50} in Chinese, {@code CN¥1,234.50} in English. */
    public String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(language.locale());
        format.setCurrency(money.currency());
        int digits = money.currency().getDefaultFractionDigits();
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(java.math.BigDecimal.valueOf(money.minor(), digits));
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(language.locale()).format(value);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }
}
