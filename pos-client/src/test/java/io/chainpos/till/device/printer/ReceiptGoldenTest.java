package io.chainpos.till.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Locks what a Chinese 80 mm receipt and an English 58 mm receipt print, as read back from their bytes. A layout
 * change shows up here as a readable diff; a deliberate one is made by editing the golden file by hand (nothing
 * rewrites it: see shared-model's golden folder README).
 */
class ReceiptGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/receipts");

    @Test
    void chineseReceiptOn80mmPaper() throws IOException {
        byte[] bytes = new EscPosRenderer(Paper.MM80, CodePage.GB18030, QrPrinting.NATIVE)
                .render(ReceiptFixtures.receipt(null).layout(ReceiptFixtures.format(Paper.MM80, Language.ZH)));

        matchesGolden("sale-zh-80mm.txt", EscPosReader.dump(bytes));
    }

    @Test
    void englishReceiptOn58mmPaper() throws IOException {
        byte[] bytes = new EscPosRenderer(Paper.MM58, CodePage.GB18030, QrPrinting.NATIVE)
                .render(ReceiptFixtures.receipt(null).layout(ReceiptFixtures.format(Paper.MM58, Language.EN)));

        matchesGolden("sale-en-58mm.txt", EscPosReader.dump(bytes));
    }

    private static void matchesGolden(String name, String dump) throws IOException {
        Path golden = GOLDEN.resolve(name);
        assertThat(golden).as("golden file %s (write a new one by hand or with GoldenFiles.writeNew)", name).exists();
        assertThat(dump).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
