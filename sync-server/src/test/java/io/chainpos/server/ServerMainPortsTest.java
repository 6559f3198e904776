package io.chainpos.server;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.chainpos.server.db.DatabaseSettings;
import io.chainpos.server.db.Storage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One projector per storage in a process: whatever asks for the ports after the start gets the started server's. */
class ServerMainPortsTest {
    @TempDir
    Path dir;

    @Test
    void everyAskForTheSameStorageGetsTheSamePortsAndSoTheSameProjector() {
        ServerMain main = new ServerMain(Clock.systemUTC(), new Random(1));
        try (Storage storage = main.openStorage(DatabaseSettings.of(dir.resolve("a.db").toString()));
             Storage other = main.openStorage(DatabaseSettings.of(dir.resolve("b.db").toString()))) {
            Ports first = main.ports(storage);
            main.accounts(storage); // what enrolling a till asks for; each of these built a set of its own before
            main.log(storage);
            assertSame(first, main.ports(storage));
            assertSame(first.projector(), main.ports(storage).projector());
            assertSame(first.log(), main.log(storage));
            assertNotSame(first, main.ports(other));
        }
    }
}
