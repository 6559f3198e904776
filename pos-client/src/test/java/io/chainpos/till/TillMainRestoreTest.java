package io.chainpos.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code till --restore} says why it will not, in the language the till's settings choose, never an exception's text. */
class TillMainRestoreTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int till(String language, String... args) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("till.properties"), "ui.language=" + language + "\n");
        String[] all = new String[args.length + 4];
        all[0] = "--data";
        all[1] = data.toString();
        all[2] = "--key-file";
        all[3] = dir.resolve("keys").resolve("till.kek").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return new CommandLine(new TillMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(all);
    }

    private String said() {
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void aRestoreWithoutANewEnrollmentIsRefusedInChineseOrEnglish() throws Exception {
        assertThat(till("zh-CN", "--restore", dir.resolve("backup.db").toString())).isEqualTo(2);
        assertThat(said()).isEqualTo("从备份恢复的收银台必须重新注册：请加上 --server <地址> --enroll <新注册码>"
                + "（总部用 sync-server enroll --store <门店> --till <本收银台> 打印注册码）。");

        err.reset();
        assertThat(till("en", "--restore", dir.resolve("backup.db").toString())).isEqualTo(2);
        assertThat(said()).startsWith("A till restored from a backup must enroll again: add --server <address>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aMissingOrDamagedBackupIsSaidInTheTillsLanguage(String language) throws Exception {
        Path missing = dir.resolve("backup.db");
        Path damaged = Files.writeString(dir.resolve("photo.db"), "not a database at all, but long enough to look like one");
        boolean chinese = language.equals("zh-CN");

        assertThat(till(language, "--restore", missing.toString(), "--server", "http://127.0.0.1:9", "--enroll", "ABCD-EFGH"))
                .isEqualTo(2);
        assertThat(said()).isEqualTo(chinese ? missing + " 处没有备份文件。" : "There is no backup file at " + missing + ".");

        err.reset();
        assertThat(till(language, "--restore", damaged.toString(), "--server", "http://127.0.0.1:9", "--enroll", "ABCD-EFGH"))
                .isEqualTo(2);
        assertThat(said()).isEqualTo(chinese ? "备份 " + damaged + " 无法使用：文件已损坏或不是收银台的账本（原因见日志）。"
                : "The backup " + damaged + " cannot be used: it is damaged or is not a till's ledger (the log says why).");
        assertThat(said()).as("SQLite's own words stay in the log").doesNotContainIgnoringCase("sqlite")
                .doesNotContainIgnoringCase("not a database");
        assertThat(dir.resolve("data").resolve("till.db")).doesNotExist();
    }
}
