package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;

/** Base for tests that start {@link RawServer}s: stops them after each test and fails on handler errors. */
abstract class LoopbackServers {

    private final List<RawServer> servers = new CopyOnWriteArrayList<>();

    RawServer server(RawServer.Handler handler) throws IOException {
        return track(new RawServer(handler));
    }

    RawServer track(RawServer server) {
        servers.add(server);
        return server;
    }

    @AfterEach
    void stopServers() throws IOException {
        for (RawServer server : servers) {
            server.close();
            assertEquals(List.of(), server.failures());
        }
    }
}
