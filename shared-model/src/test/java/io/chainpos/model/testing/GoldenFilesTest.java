package io.chainpos.model.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAGoldenFileThatDoesNotExistYet() throws Exception {
        Path file = dir.resolve("golden/NewType.v1.json");

        GoldenFiles.writeNew(file, "{\"a\":1}\n");

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void refusesToOverwriteAReleasedGoldenFileAndLeavesItAsItWas() throws Exception {
        Path file = dir.resolve("PointsChanged.v1.json");
        Files.writeString(file, "{\"released\":true}\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> GoldenFiles.writeNew(file, "{\"released\":false}\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never regenerated");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"released\":true}\n");
    }
}
