package io.chainpos.model.json;

import io.chainpos.model.event.Event;
import io.chainpos.model.event.EventEnvelope;
import io.chainpos.model.event.EventTypes;
import io.chainpos.model.testing.GoldenFiles;
import io.chainpos.model.testing.SampleEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one-off procedure for a new event type or version (see the README of the golden folder): writes the golden
 * file of every sample that has none yet, from {@link SampleEvents}, and never overwrites one. Run from the
 * repository root after adding the sample; review the new files before committing them. Not a test.
 */
public final class NewGoldenFiles {
    private NewGoldenFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path golden = Path.of(args.length > 0 ? args[0] : "shared-model/src/test/resources/golden");
        EventCodec codec = EventCodec.standard();
        int written = 0;
        for (Map.Entry<String, Event> sample : SampleEvents.all().entrySet()) {
            Path file = golden.resolve(sample.getKey() + ".v" + EventTypes.typeOf(sample.getValue()).version() + ".json");
            if (Files.exists(file)) {
                continue;
            }
            EventEnvelope envelope = SampleEvents.envelope(sample.getValue(), 5);
            GoldenFiles.writeNew(file, codec.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(codec.toTree(envelope)) + "\n");
            System.out.println("wrote " + file);
            written++;
        }
        System.out.println(written == 0 ? "every sample has its golden file; none was changed" : "review them before committing");
    }
}
