package io.chainpos.till.device.printer;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** Everything a printout's layout depends on: the paper, the code page, the language and the store's words. */
public record ReceiptFormat(
        Paper paper,
        CodePage codePage,
        Language language,
        ZoneId zone,
        List<String> header,
        List<String> footer,
        ReceiptCode receiptCode) {

    public ReceiptFormat {
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(codePage, "codePage");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(zone, "zone");
        header = List.copyOf(header);
        footer = List.copyOf(footer);
        Objects.requireNonNull(receiptCode, "receiptCode");
    }
}
