package org.ondes.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent while something runs, split by who spent it: this JVM's threads grouped by name prefix (the first
 * matching prefix wins; the rest is "other JVM threads"), and the PostgreSQL server on {@code pgPort} (its postmaster
 * and backends) and one more process, read from /proc (Linux only, else left out). Threads that ended in between are
 * not counted; neither are the JVM's own (garbage collector, compiler).
 */
final class CpuMeter {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final List<String> prefixes;
    private final int pgPort;
    private final long otherPid;
    private final String otherName;
    private long otherBefore;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> threadsBefore;
    private Map<Long, String> names;
    private long pgBefore;

    /** Also counts the process {@code otherPid} (all its threads) as {@code otherName}. */
    CpuMeter(int pgPort, List<String> prefixes, long otherPid, String otherName) {
        this.pgPort = pgPort;
        this.prefixes = prefixes;
        this.otherPid = otherPid;
        this.otherName = otherName;
    }

    /** The port of the PostgreSQL server behind a test schema's JDBC URL; -1 if the URL names none. */
    static int pgPort(org.ondes.testkit.TestDb.Schema db) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^:/]+:([0-9]+)/").matcher(db.url());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    void start() {
        threadsBefore = threadCpu();
        pgBefore = pgTicks();
        otherBefore = processTicks(otherPid);
    }

    /** Seconds of CPU per group since {@link #start()}, in the order of the prefixes, then the rest, then PostgreSQL. */
    Map<String, Double> stop() {
        Map<Long, Long> after = threadCpu();
        Map<String, Double> out = new LinkedHashMap<>();
        prefixes.forEach(p -> out.put(p + "*", 0.0));
        out.put("other JVM threads", 0.0);
        after.forEach((id, nanos) -> {
            String name = names.getOrDefault(id, "");
            String group = prefixes.stream().filter(name::startsWith).findFirst().map(p -> p + "*").orElse("other JVM threads");
            out.merge(group, (nanos - threadsBefore.getOrDefault(id, 0L)) / 1e9, Double::sum);
        });
        long pg = pgTicks();
        if (pg >= 0 && pgBefore >= 0) {
            out.put("PostgreSQL", (pg - pgBefore) / TICKS_PER_SECOND);
        }
        long other = processTicks(otherPid);
        if (other >= 0 && otherBefore >= 0) {
            out.put(otherName, (other - otherBefore) / TICKS_PER_SECOND);
        }
        return out;
    }

    static String row(Map<String, Double> cpu) {
        StringBuilder s = new StringBuilder();
        cpu.forEach((k, v) -> s.append(String.format("%s %.2f; ", k, v)));
        return s.toString().trim();
    }

    private Map<Long, Long> threadCpu() {
        Map<Long, Long> cpu = new LinkedHashMap<>();
        Map<Long, String> n = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long t = threads.getThreadCpuTime(info.getThreadId());
                if (t >= 0) {
                    cpu.put(info.getThreadId(), t);
                    n.put(info.getThreadId(), info.getThreadName());
                }
            }
        }
        names = n;
        return cpu;
    }

    /** utime + stime of the postmaster listening on the port and of its children, in clock ticks; -1 if not found. */
    private long pgTicks() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        try (Stream<Path> pids = Files.list(proc)) {
            List<Path> all = pids.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList();
            String postmaster = null;
            for (Path p : all) {
                String cmd = read(p.resolve("cmdline")).replace('\0', ' ');
                if (cmd.contains("postgres") && cmd.contains("-p " + pgPort + " ")) {
                    postmaster = p.getFileName().toString();
                    break;
                }
            }
            if (postmaster == null) {
                return -1;
            }
            long ticks = 0;
            for (Path p : all) {
                String[] stat = fields(read(p.resolve("stat")));
                if (stat.length > 15 && (p.getFileName().toString().equals(postmaster) || stat[3].equals(postmaster))) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processTicks(long pid) {
        String[] stat = fields(read(Path.of("/proc", Long.toString(pid), "stat")));
        return stat.length > 15 ? Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : -1;
    }

    /** /proc/pid/stat fields, the command name (in parentheses, may hold spaces) counted as one. */
    private static String[] fields(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return new String[0];
        }
        String[] rest = stat.substring(close + 2).trim().split(" ");
        String[] out = new String[rest.length + 2];
        out[0] = stat.substring(0, stat.indexOf(' '));
        out[1] = stat.substring(stat.indexOf('('), close + 1);
        System.arraycopy(rest, 0, out, 2, rest.length);
        return out;
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
