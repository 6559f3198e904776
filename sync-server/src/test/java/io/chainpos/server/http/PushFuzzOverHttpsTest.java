package io.chainpos.server.http;

import io.chainpos.server.testing.TestServer;
import java.nio.file.Path;

/** {@link PushFuzzTest} over HTTPS: the TLS listener answers every broken body as the plain one does. */
class PushFuzzOverHttpsTest extends PushFuzzTest {
    @Override
    TestServer startServer(Path folder) {
        return TestServer.startHttps(folder, TestServer.settings(false));
    }
}
