package io.chainpos.till.device.display;

import io.chainpos.till.device.printer.CodePage;
import io.chainpos.till.device.printer.DocumentBuilder;
import io.chainpos.till.device.printer.Language;
import io.chainpos.till.device.printer.TextColumns;

/** The two lines a pole display shows, each exactly {@code columns} wide (a Chinese character takes two). */
final class PoleDisplayText {
    private static final CodePage CODE_PAGE = CodePage.GB18030;

    private final int columns;
    private final Language language;

    PoleDisplayText(int columns, Language language) {
        this.columns = columns;
        this.language = language;
    }

    String[] item(String name, long lineTotal, long saleTotal, String currency) {
        return new String[] {
            TextColumns.spread(name, DocumentBuilder.money(lineTotal, currency), columns, CODE_PAGE),
            TextColumns.spread(word("合计", "TOTAL"), DocumentBuilder.money(saleTotal, currency), columns, CODE_PAGE)};
    }

    String[] paid(long paid, long change, String currency) {
        return new String[] {
            TextColumns.spread(word("实收", "PAID"), DocumentBuilder.money(paid, currency), columns, CODE_PAGE),
            TextColumns.spread(word("找零", "CHANGE"), DocumentBuilder.money(change, currency), columns, CODE_PAGE)};
    }

    String[] welcome() {
        String text = word("欢迎光临", "WELCOME");
        int left = (columns - CODE_PAGE.columns(text)) / 2;
        return new String[] {TextColumns.padRight(" ".repeat(Math.max(0, left)) + text, columns, CODE_PAGE),
            " ".repeat(columns)};
    }

    private String word(String zh, String en) {
        return language == Language.ZH ? zh : en;
    }
}
