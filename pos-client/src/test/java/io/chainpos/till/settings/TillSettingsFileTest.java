package io.chainpos.till.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chainpos.model.pricing.CashRounding;
import io.chainpos.till.TillWords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TillSettingsFileTest {
    @TempDir
    Path dir;

    @Test
    void aNewTillHasTheDefaultsAndSavedSettingsReadBack() throws Exception {
        TillSettingsFile file = new TillSettingsFile(dir);
        assertThat(file.load()).isEqualTo(TillSettings.defaults());

        TillSettings chosen = new TillSettings(TillSettings.Language.ZH_CN, CashRounding.DOWN_TO_JIAO, 15);
        file.save(chosen);

        assertThat(new TillSettingsFile(dir).load()).isEqualTo(chosen);
        assertThat(Files.readString(file.path(), StandardCharsets.UTF_8)).contains("ui.language=zh-CN")
                .contains("sale.cashRounding=down_to_jiao").contains("# The screens' language");
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        TillSettingsFile file = new TillSettingsFile(dir);

        assertThatThrownBy(() -> file.parse(Map.of("ui.language", "klingon", "sale.cashRounding", "always",
                "sale.cashierDiscountLimitPercent", "150", "sale.tip", "yes")))
                .isInstanceOfSatisfying(TillSettingsFile.Invalid.class, e -> {
                    assertThat(e.problems()).extracting(problem -> TillWords.say(problem, Locale.ENGLISH)).containsExactly(
                            "There is no setting 'sale.tip' (the settings are backup.folder, backup.keep, "
                                    + "sale.cashRounding, sale.cashierDiscountLimitPercent, ui.language).",
                            "ui.language: system / zh-CN / en, not 'klingon'.",
                            "sale.cashRounding: none / down_to_jiao / half_up_to_jiao, not 'always'.",
                            "sale.cashierDiscountLimitPercent: 150 is outside 0 to 100.");
                    assertThat(e.problems()).extracting(problem -> TillWords.say(problem, Locale.SIMPLIFIED_CHINESE))
                            .contains("ui.language：须为 system / zh-CN / en，不能是“klingon”。",
                                    "sale.cashierDiscountLimitPercent：150 不在 0 到 100 之间。");
                });
    }

    @Test
    void aBackupFolderMustBeAWholePathAndAKeepCountAWholeNumber() {
        assertThatThrownBy(() -> new TillSettingsFile(dir).parse(Map.of("backup.folder", "usb/backups", "backup.keep", "lots")))
                .isInstanceOfSatisfying(TillSettingsFile.Invalid.class, e -> assertThat(e.problems())
                        .extracting(problem -> TillWords.say(problem, Locale.SIMPLIFIED_CHINESE)).containsExactly(
                                "backup.folder：须为完整路径，如 /media/usb/chainpos 或 D:/ChainPOS-backups，不能是“usb/backups”。",
                                "backup.keep：“lots”不是整数。"));
    }

    @Test
    void aMissingKeyKeepsItsDefault() throws Exception {
        assertThat(new TillSettingsFile(dir).parse(Map.of("ui.language", "en")))
                .isEqualTo(TillSettings.defaults().withLanguage(TillSettings.Language.EN));
    }
}
