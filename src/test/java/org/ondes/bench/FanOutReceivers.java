package org.ondes.bench;

import org.ondes.testkit.StubInbox;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The receiving servers of {@link FederationFanOutBench}, in a process of their own (in production they are other
 * machines; here they should not share the server's heap and garbage collector). Stub inboxes on loopback ports
 * that note when each request arrived ({@code System.nanoTime()}, CLOCK_MONOTONIC on Linux, so comparable with the
 * parent process).
 *
 * <p>Protocol on stdin/stdout, one line each: {@code NEW <healthy> <slow> <healthyDelayMs> <slowDelayMs>} starts that
 * many stub hosts and prints {@code HOSTS <port,…> <port,…>} (healthy, then slow; {@code -} for none);
 * {@code COUNT} prints the requests received by the healthy hosts of the last set, {@code SLOW} those of its slow
 * ones; {@code TIMES} prints their arrival times; {@code QUIT} exits.
 */
public final class FanOutReceivers {
    private FanOutReceivers() {
    }

    public static void main(String[] args) throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "receiver");
            t.setDaemon(true);
            return t;
        });
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        List<StubInbox> all = new ArrayList<>();
        List<StubInbox> healthy = List.of();
        List<StubInbox> slow = List.of();
        for (String line = in.readLine(); line != null && !line.equals("QUIT"); line = in.readLine()) {
            String[] f = line.split(" ");
            switch (f[0]) {
                case "NEW" -> {
                    healthy = start(Integer.parseInt(f[1]), Long.parseLong(f[3]), threads);
                    slow = start(Integer.parseInt(f[2]), Long.parseLong(f[4]), threads);
                    all.addAll(healthy);
                    all.addAll(slow);
                    out.println("HOSTS " + ports(healthy) + " " + ports(slow));
                }
                case "COUNT" -> out.println(healthy.stream().mapToInt(StubInbox::count).sum());
                case "SLOW" -> out.println(slow.stream().mapToInt(StubInbox::count).sum());
                case "TIMES" -> out.println(healthy.stream().flatMap(s -> s.received().stream())
                        .map(r -> Long.toString(r.atNanos())).collect(Collectors.joining(" ")));
                default -> out.println("? " + line);
            }
        }
        all.forEach(StubInbox::close);
        threads.shutdownNow();
    }

    private static List<StubInbox> start(int n, long delayMs, ExecutorService threads) {
        List<StubInbox> stubs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stubs.add(StubInbox.start((path, nth) -> new StubInbox.Answer(202, delayMs, ""), threads));
        }
        return stubs;
    }

    private static String ports(List<StubInbox> stubs) {
        return stubs.isEmpty() ? "-" : stubs.stream().map(s -> Integer.toString(s.port())).collect(Collectors.joining(","));
    }
}
