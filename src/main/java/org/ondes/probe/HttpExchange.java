package org.ondes.probe;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP/1.1 request and response over an already connected (and, for https, handshaken) socket:
 * writes the request by hand and parses the answer, including {@code ICY 200 OK} status lines.
 * Reads go through a {@link Wire}, which bounds each of them in time.
 */
final class HttpExchange {

    static final int MAX_HEAD_BYTES = 32 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final Pattern STATUS = Pattern.compile("(HTTP/1\\.[01]|ICY) ([0-9]{3})(?: (.*))?", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    /** A parsed status line and header section. */
    record Head(int status, String statusLine, String protocol, Map<String, List<String>> headers) {
        String first(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /**
     * A response body, whether it was cut at the request's limit, and whether it ended where its framing said (a
     * length, the last chunk, or no body at all): only then may the connection carry another request.
     */
    record Body(byte[] bytes, boolean truncated, boolean framed) {
    }

    private final Wire wire;
    private final OutputStream out;

    HttpExchange(Wire wire, OutputStream out) {
        this.wire = wire;
        this.out = out;
    }

    /** Writes the request; {@code keepAlive}: the connection may carry further requests afterwards. */
    void writeRequest(Request req, String userAgent, boolean keepAlive) throws IOException {
        String target = req.uri().getRawPath() == null || req.uri().getRawPath().isEmpty() ? "/"
                : req.uri().getRawPath();
        if (req.uri().getRawQuery() != null) {
            target += "?" + req.uri().getRawQuery();
        }
        String scheme = req.uri().getScheme().toLowerCase(Locale.ROOT);
        int port = req.uri().getPort();
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        StringBuilder head = new StringBuilder(256);
        head.append(req.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(req.uri().getHost()).append(defaultPort ? "" : ":" + port).append("\r\n");
        head.append("User-Agent: ").append(userAgent).append("\r\n");
        head.append("Accept-Encoding: identity\r\n");
        head.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
        req.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        byte[] body = req.body();
        if (body != null || req.method().equals("POST") || req.method().equals("PUT")) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    /** Reads the status line and headers, skipping interim 1xx answers. */
    Head readHead() throws IOException, ProbeException {
        for (int interim = 0; interim < 5; interim++) {
            Head head = readOneHead();
            if (head.status() == 101) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL, "the server switched protocols unasked");
            }
            if (head.status() >= 200) {
                return head;
            }
        }
        throw new ProbeException(ProbeException.Kind.PROTOCOL, "the server sent only interim (1xx) answers");
    }

    private Head readOneHead() throws IOException, ProbeException {
        int[] budget = {MAX_HEAD_BYTES};
        String statusLine = "";
        for (int blank = 0; blank < 4 && statusLine.isEmpty(); blank++) {
            statusLine = headLine(budget);
        }
        Matcher m = STATUS.matcher(statusLine);
        if (!m.matches()) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL,
                    "the server did not answer with HTTP (it said: " + Text.clean(statusLine, 40) + ")");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String lastName = null;
        for (String line = headLine(budget); !line.isEmpty(); line = headLine(budget)) {
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                List<String> values = headers.get(lastName);
                values.set(values.size() - 1, (values.get(values.size() - 1) + " " + line.trim()).trim());
                continue;
            }
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim().toLowerCase(Locale.ROOT) : "";
            if (!TOKEN.matcher(name).matches()) {
                lastName = null;
                continue;
            }
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            lastName = name;
        }
        return new Head(Integer.parseInt(m.group(2)), Text.clean(statusLine, 200), m.group(1), headers);
    }

    /** One header-section line; the section as a whole (status line included) is capped at 32 KiB. */
    private String headLine(int[] budget) throws IOException, ProbeException {
        String line;
        try {
            line = wire.line(Math.max(0, budget[0] - 1));
        } catch (SocketTimeoutException e) {
            throw new ProbeException(ProbeException.Kind.TIMEOUT, !wire.gotBytes()
                    ? "no answer within " + Text.seconds(wire.readTimeout())
                    : wire.timedOut("the server stopped in the middle of its headers"));
        } catch (Wire.LineTooLongException e) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL,
                    "the server's response headers exceed " + (MAX_HEAD_BYTES / 1024) + " KiB");
        } catch (EOFException e) {
            line = null;
        }
        if (line == null) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, !wire.gotBytes()
                    ? "the server closed the connection without answering"
                    : "the server closed the connection in the middle of its headers");
        }
        budget[0] -= line.length() + 2;
        if (budget[0] < 0) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL,
                    "the server's response headers exceed " + (MAX_HEAD_BYTES / 1024) + " KiB");
        }
        return line;
    }

    /**
     * Reads the body framed by Content-Length, chunked coding or the end of the connection. When
     * streaming, reading stops at the limit, the end, or one read timeout after the headers, and
     * any of these simply ends the body.
     */
    Body readBody(Request req, Head head) throws IOException, ProbeException {
        int status = head.status();
        if (req.method().equals("HEAD") || status == 204 || status == 304) {
            return new Body(new byte[0], false, true);
        }
        if (req.streaming()) {
            wire.shortenDeadline(wire.readTimeout());
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream(Math.min(req.maxBodyBytes(), 64 * 1024));
        try {
            boolean truncated;
            boolean framed = !req.streaming();
            String coding = head.first("transfer-encoding");
            if (coding != null && coding.toLowerCase(Locale.ROOT).trim().endsWith("chunked")) {
                truncated = readChunked(sink, req.maxBodyBytes());
            } else {
                long length = contentLength(head);
                truncated = length >= 0 ? readLength(sink, req.maxBodyBytes(), length, req.streaming())
                        : readToEnd(sink, req.maxBodyBytes(), req.streaming());
                framed &= length >= 0;
            }
            return new Body(sink.toByteArray(), truncated, framed && !truncated);
        } catch (SocketTimeoutException e) {
            if (req.streaming()) {
                return new Body(sink.toByteArray(), false, false);
            }
            throw new ProbeException(ProbeException.Kind.TIMEOUT,
                    wire.timedOut("the server stopped sending after " + sink.size() + " bytes"));
        } catch (EOFException e) {
            if (req.streaming()) {
                return new Body(sink.toByteArray(), false, false);
            }
            throw new ProbeException(ProbeException.Kind.PROTOCOL,
                    "the connection closed before the response was complete (" + sink.size() + " bytes)");
        } catch (IOException e) {
            if (req.streaming()) {
                return new Body(sink.toByteArray(), false, false);
            }
            throw e;
        }
    }

    private static long contentLength(Head head) throws ProbeException {
        List<String> values = head.headers().get("content-length");
        if (values == null) {
            return -1;
        }
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",")) {
                String digits = part.trim();
                if (!digits.matches("[0-9]{1,18}") || (length >= 0 && Long.parseLong(digits) != length)) {
                    throw new ProbeException(ProbeException.Kind.PROTOCOL, "the server sent an invalid Content-Length");
                }
                length = Long.parseLong(digits);
            }
        }
        return length;
    }

    private boolean readLength(ByteArrayOutputStream sink, int max, long length, boolean streaming)
            throws IOException {
        long wanted = Math.min(length, max);
        copy(sink, wanted, streaming);
        return length > max;
    }

    private boolean readToEnd(ByteArrayOutputStream sink, int max, boolean streaming) throws IOException {
        if (copy(sink, max, true) < max) {
            return false;
        }
        if (streaming) {
            return true; // a stream goes on by nature
        }
        try {
            return wire.read() >= 0; // full: was more coming?
        } catch (SocketTimeoutException e) {
            return true; // the server keeps the connection open, so more may follow
        }
    }

    private boolean readChunked(ByteArrayOutputStream sink, int max) throws IOException, ProbeException {
        while (true) {
            String line = chunkLine();
            int semicolon = line.indexOf(';');
            String hex = (semicolon >= 0 ? line.substring(0, semicolon) : line).trim();
            if (!hex.matches("[0-9A-Fa-f]{1,7}")) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL, "the server sent a malformed chunked body");
            }
            int size = Integer.parseInt(hex, 16);
            if (size == 0) {
                int[] budget = {MAX_HEAD_BYTES};
                while (!headLine(budget).isEmpty()) {
                    // trailers are read and dropped
                }
                return false;
            }
            if (size > max - sink.size()) {
                copy(sink, max - sink.size(), false);
                return true;
            }
            copy(sink, size, false);
            if (!chunkLine().isEmpty()) {
                throw new ProbeException(ProbeException.Kind.PROTOCOL, "the server sent a malformed chunked body");
            }
        }
    }

    private String chunkLine() throws IOException, ProbeException {
        try {
            String line = wire.line(MAX_CHUNK_LINE);
            if (line == null) {
                throw new EOFException();
            }
            return line;
        } catch (Wire.LineTooLongException e) {
            throw new ProbeException(ProbeException.Kind.PROTOCOL, "the server sent a malformed chunked body");
        }
    }

    /** Copies up to {@code count} bytes; an early end is an EOFException unless {@code endOk}. */
    private long copy(ByteArrayOutputStream sink, long count, boolean endOk) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < count) {
            int n = wire.read(buf, (int) Math.min(buf.length, count - done));
            if (n < 0) {
                if (endOk) {
                    return done;
                }
                throw new EOFException();
            }
            sink.write(buf, 0, n);
            done += n;
        }
        return done;
    }
}
