package io.chainpos.till.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.chainpos.model.event.Gender;
import io.chainpos.model.event.TenderMethod;
import io.chainpos.till.TillMessage;
import io.chainpos.till.device.printer.PrinterCondition;
import io.chainpos.till.settings.TillSettings;
import io.chainpos.till.sync.SyncStatus;
import io.chainpos.till.ui.Notice;
import io.chainpos.till.ui.member.MemberViewModel;
import io.chainpos.till.ui.settings.SettingsViewModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The screens' two languages: the same keys in both, every pattern valid, every key the code names present. */
class MessagesTest {
    private static final Path UI_SOURCES = Path.of("src/main/java/io/chainpos/till/ui");
    /** A dotted string literal: a message key, unless it is a setting's name, a log event or a resource path. */
    private static final Pattern DOTTED = Pattern.compile("\"([a-z][a-zA-Z0-9]*\\.[a-zA-Z0-9_.]*[a-zA-Z0-9_])\"");
    private static final Set<String> NOT_KEYS = Set.of("chainpos.focus", "ui.language", "sale.cashRounding",
            "sale.cashierDiscountLimitPercent");

    private static final Set<String> SETTINGS = io.chainpos.till.device.settings.DeviceSettingsFile.values(
            io.chainpos.till.device.settings.DeviceSettings.defaults(Path.of("."))).keySet();

    private final ResourceBundle english = Messages.bundle(Messages.ENGLISH);
    private final ResourceBundle chinese = Messages.bundle(Messages.CHINESE);

    @Test
    void bothLanguagesHaveTheSameKeysAndEveryPatternFormats() {
        assertThat(new TreeSet<>(chinese.keySet())).isEqualTo(new TreeSet<>(english.keySet()));
        for (String key : english.keySet()) {
            assertThat(new MessageFormat(english.getString(key), Messages.ENGLISH).format(new Object[] {1, 2, 3, 4, 5, 6}))
                    .as(key).isNotBlank();
            assertThat(new MessageFormat(chinese.getString(key), Messages.CHINESE).format(new Object[] {1, 2, 3, 4, 5, 6}))
                    .as(key).isNotBlank();
        }
    }

    @Test
    void chineseIsReallyChinese() {
        assertThat(chinese.getString("key.pay")).isEqualTo("结账");
        assertThat(english.getString("key.pay")).isEqualTo("Pay");
        assertThat(new Messages(Messages.ENGLISH).get("sale.paid", "S001-T1-1-000001", "¥5.00"))
                .isEqualTo("Receipt S001-T1-1-000001 is printing · change ¥5.00");
    }

    @Test
    void everyKeyTheScreensNameIsInTheBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(UI_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher m = DOTTED.matcher(line);
                    while (!line.contains("log.") && m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
            used.removeIf(key -> key.startsWith("io.") || NOT_KEYS.contains(key) || SETTINGS.contains(key)
                    || key.startsWith("backup.") && key.equals(key.toLowerCase(Locale.ROOT))); // till.properties keys
        }
        // keys made from a value: one per enum constant or setting
        Arrays.stream(TenderMethod.values()).forEach(t -> used.add("tender." + t.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(Gender.values()).forEach(g -> used.add("gender." + g.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(PrinterCondition.values()).forEach(c -> used.add("printer." + c.name()));
        Arrays.stream(SyncStatus.Connection.values()).forEach(c -> used.add("status.sync." + c.name()));
        Arrays.stream(MemberViewModel.Tab.values()).forEach(t -> used.add("member.tab." + t.name().toLowerCase(Locale.ROOT)));
        SettingsViewModel.DEVICE_KEYS.forEach(k -> used.add("settings." + k));
        Arrays.stream(io.chainpos.till.backup.BackupFailure.Problem.values()).forEach(p -> used.add("backup." + p.name()));

        assertThat(used).as("keys found in the code").hasSizeGreaterThan(200).contains("key.pay", "pay.change", "shift.close");
        assertThat(english.keySet()).containsAll(used);
    }

    @Test
    void aNoticeCarryingAUseCasesSentenceIsShownAsItIs() {
        Messages messages = new Messages(Messages.CHINESE);

        assertThat(messages.format(Notice.refused(TillMessage.of(TillMessage.Code.SHIFT_NEEDED_TO_SELL)))).isEqualTo("请先开班再销售。");
        assertThat(messages.format(Notice.info("held.none"))).isEqualTo("没有挂单");
        assertThat(messages.format(null)).isEmpty();
    }

    @Test
    void theLanguageFollowsTheComputerUnlessTheTillSaysOtherwise() {
        assertThat(Messages.resolve(TillSettings.Language.SYSTEM, Locale.SIMPLIFIED_CHINESE)).isEqualTo(Messages.CHINESE);
        assertThat(Messages.resolve(TillSettings.Language.SYSTEM, Locale.TAIWAN)).isEqualTo(Messages.CHINESE);
        assertThat(Messages.resolve(TillSettings.Language.SYSTEM, Locale.GERMANY)).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.resolve(TillSettings.Language.EN, Locale.SIMPLIFIED_CHINESE)).isEqualTo(Messages.ENGLISH);
        assertThat(Messages.resolve(TillSettings.Language.ZH_CN, Locale.US)).isEqualTo(Messages.CHINESE);
    }

    @Test
    void theFontIsTheFirstInstalledThatDrawsChinese() {
        assertThat(Fonts.pick(Set.of("Arial", "Noto Sans CJK SC", "WenQuanYi Micro Hei"))).isEqualTo("Noto Sans CJK SC");
        assertThat(Fonts.pick(Set.of("Microsoft YaHei", "Noto Sans CJK SC"))).isEqualTo("Microsoft YaHei");
        assertThat(Fonts.pick(Set.of("DejaVu Sans"))).isEqualTo("System");
    }
}
