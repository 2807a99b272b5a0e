package org.ondes.probe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The reading side of one connection, bounded twice: no single read waits longer than the read
 * timeout, and no read starts after the deadline, so a server that trickles a byte at a time cannot
 * hold a thread for long. Timeouts surface as {@link SocketTimeoutException}.
 */
final class Wire {

    private final Socket socket;
    private final InputStream in;
    private final Duration readTimeout;
    private final long hardDeadline;
    private long deadline;
    private int currentTimeout = -1;
    private boolean cutByDeadline;
    private long bytesRead;

    Wire(Socket socket, InputStream in, Duration readTimeout, long hardDeadlineNanos) {
        this.socket = socket;
        this.in = in;
        this.readTimeout = readTimeout;
        this.hardDeadline = hardDeadlineNanos;
        this.deadline = hardDeadlineNanos;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    /** Brings the deadline forward (never past the hard deadline), e.g. to sample a stream. */
    void shortenDeadline(Duration fromNow) {
        deadline = Math.min(hardDeadline, System.nanoTime() + fromNow.toNanos());
    }

    /** Whether any byte has arrived on this connection. */
    boolean gotBytes() {
        return bytesRead > 0;
    }

    int read() throws IOException {
        arm();
        int b = in.read();
        if (b >= 0) {
            bytesRead++;
        }
        return b;
    }

    int read(byte[] buf, int len) throws IOException {
        arm();
        int n = in.read(buf, 0, len);
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }

    int readOrEof() throws IOException {
        int b = read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    /**
     * One line without its line end (LF or CRLF), as ISO-8859-1. Returns null at EOF before any
     * byte of the line; throws {@link LineTooLongException} past {@code max} bytes.
     */
    String line(int max) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = read();
            if (b < 0) {
                if (line.length() == 0) {
                    return null;
                }
                throw new EOFException();
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= max) {
                throw new LineTooLongException();
            }
            line.append((char) b);
        }
    }

    /** Describes the last timeout: the read timeout, or the deadline cutting the read short. */
    String timedOut(String what) {
        if (cutByDeadline) {
            return what + " (the exchange took too long)";
        }
        return what + " (nothing within " + Text.seconds(readTimeout) + ")";
    }

    private void arm() throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        cutByDeadline = left < readTimeout.toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("deadline");
        }
        int timeout = (int) Math.min(readTimeout.toMillis(), left);
        if (timeout != currentTimeout) {
            socket.setSoTimeout(timeout);
            currentTimeout = timeout;
        }
    }

    /** A line longer than its limit. */
    static final class LineTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
