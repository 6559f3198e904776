package io.chainpos.model.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiErrorCodeTest {

    @Test
    void theCodesAreExactlyThoseThePublishedProtocolLists() throws IOException {
        String protocol = Files.readString(Path.of("../docs/protocol.md"), StandardCharsets.UTF_8);
        String errors = protocol.substring(protocol.indexOf("## Errors"), protocol.indexOf("## Endpoints"));
        Set<String> published = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| \\d{3} \\| `([a-z_]+)` \\|").matcher(errors);
        while (row.find()) {
            published.add(row.group(1));
        }

        Set<String> known = Arrays.stream(ApiErrorCode.values()).map(ApiErrorCode::code)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(published).as("the table in docs/protocol.md").isNotEmpty();
        assertThat(known).isEqualTo(published);
    }

    @Test
    void aCodeThisVersionDoesNotKnowIsReadAsUnknownNotAsAnother() {
        assertThat(ApiError.of("sequence_gap", "x").code()).contains(ApiErrorCode.SEQUENCE_GAP);
        assertThat(ApiError.of("payment_required", "x").code()).isEmpty();
    }
}
