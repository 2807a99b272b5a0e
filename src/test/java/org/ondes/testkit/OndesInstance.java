package org.ondes.testkit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * A whole Ondes server started in-process on a chosen port and database, so tests can stop and restart it, or run
 * several instances on one shared database.
 */
public final class OndesInstance implements AutoCloseable {
    private final EmbeddedServer server;

    private OndesInstance(EmbeddedServer server) {
        this.server = server;
    }

    public static OndesInstance start(TestDb.Schema db, int port, Map<String, String> extra) {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("micronaut.server.port", port);
        props.put("micronaut.server.host", "127.0.0.1");
        props.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, Environment.TEST);
        return new OndesInstance(server);
    }

    /**
     * Starts again on a port an instance just left (Icecast keeps announcing to it). While the port is free, an
     * outgoing connection of any process can be given it as its local port for a moment; binding then fails with
     * "address already in use", so this retries for a few seconds before giving up.
     */
    public static OndesInstance restart(TestDb.Schema db, int port, Map<String, String> extra) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                return start(db, port, extra);
            } catch (RuntimeException e) {
                if (!bindFailure(e)) {
                    throw e;
                }
                last = e;
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    private static boolean bindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    /**
     * An instance on a fresh schema and a free port whose public URL is its own address, as the web pages need
     * (their canonical, OpenGraph and embed URLs are absolute).
     */
    public static OndesInstance startOwnPublicUrl() {
        int port = FreePorts.next();
        return start(TestDb.newSchema(), port, Map.of("ondes.public-url", "http://127.0.0.1:" + port));
    }

    public int port() {
        return server.getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public OndesApi api() {
        return new OndesApi(port());
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.getApplicationContext().close();
        }
    }
}
