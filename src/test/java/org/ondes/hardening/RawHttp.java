package org.ondes.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sends any bytes as an HTTP/1.1 request over a plain socket (invalid UTF-8, wrong lengths, raw CR/LF), so the
 * battery is not limited to what a well-behaved client library lets through, and reads back the raw reply.
 */
final class RawHttp {
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A reply as it came off the wire; {@code status} is -1 when the server closed without answering. */
    record Reply(int status, String head, List<String[]> headers, byte[] body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return head + "\r\n" + text().substring(0, Math.min(600, text().length()));
        }
    }

    /** A request with a correct Content-Length. */
    Reply send(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return exchange(head.toString().getBytes(StandardCharsets.ISO_8859_1), body, false);
    }

    /** Exact bytes (head and whatever body); with {@code halfClose}, the client then stops sending (a truncated body). */
    Reply exchange(byte[] head, byte[] body, boolean halfClose) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            if (halfClose) {
                s.shutdownOutput();
            }
            return parse(readAll(s.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // a reset or a server that keeps the connection open: judge what arrived
        }
        return all.toByteArray();
    }

    static Reply parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        if (all.isEmpty() || !all.startsWith("HTTP/1.")) {
            return new Reply(-1, all, List.of(), new byte[0]);
        }
        String head = end < 0 ? all : all.substring(0, end);
        String[] lines = head.split("\r\n", -1);
        int status = Integer.parseInt(lines[0].substring(9, 12));
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.add(colon < 0 ? new String[]{lines[i], ""}
                    : new String[]{lines[i].substring(0, colon), lines[i].substring(colon + 1).strip()});
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        String te = headers.stream().filter(h -> h[0].equalsIgnoreCase("Transfer-Encoding")).map(h -> h[1])
                .findFirst().orElse("");
        if (te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        }
        return new Reply(status, head, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = indexOfCrLf(chunked, i);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].strip();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(n, chunked.length - start));
            i = start + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
