package org.ondes.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleConnectionsTest {

    private static final long SECOND = 1_000_000_000L;
    private static final IdleConnections.Origin A = new IdleConnections.Origin(true, "a.example", 443);
    private static final IdleConnections.Origin B = new IdleConnections.Origin(true, "b.example", 443);

    private static IdleConnections.Connection connection() {
        return new IdleConnections.Connection(new Socket(), new BufferedInputStream(new ByteArrayInputStream(new byte[0])),
                new BufferedOutputStream(new ByteArrayOutputStream()));
    }

    @Test
    void theMostRecentlyUsedConnectionOfTheSameOriginComesBack() {
        IdleConnections idle = new IdleConnections(Duration.ofSeconds(15), 4, 16);
        IdleConnections.Connection older = connection();
        IdleConnections.Connection newer = connection();
        idle.give(A, older, 0);
        idle.give(A, newer, SECOND);
        assertNull(idle.take(B, 2 * SECOND), "never another origin's");
        assertSame(newer, idle.take(A, 2 * SECOND));
        assertSame(older, idle.take(A, 2 * SECOND));
        assertNull(idle.take(A, 2 * SECOND));
        assertEquals(0, idle.size());
    }

    @Test
    void connectionsIdleForTheKeepAliveTimeAreClosedNotHandedOut() {
        IdleConnections idle = new IdleConnections(Duration.ofSeconds(15), 4, 16);
        IdleConnections.Connection c = connection();
        idle.give(A, c, 0);
        assertNull(idle.take(A, 15 * SECOND));
        assertTrue(c.socket.isClosed());
    }

    @Test
    void beyondThePerOriginLimitTheOldestIsClosed() {
        IdleConnections idle = new IdleConnections(Duration.ofSeconds(15), 2, 16);
        IdleConnections.Connection first = connection();
        idle.give(A, first, 0);
        idle.give(A, connection(), 1);
        idle.give(A, connection(), 2);
        assertTrue(first.socket.isClosed());
        assertEquals(2, idle.size());
    }

    @Test
    void beyondTheTotalLimitTheOldestOfAnyOriginIsClosed() {
        IdleConnections idle = new IdleConnections(Duration.ofSeconds(15), 2, 2);
        IdleConnections.Connection oldest = connection();
        IdleConnections.Connection other = connection();
        idle.give(A, oldest, 0);
        idle.give(B, other, 1);
        idle.give(B, connection(), 2);
        assertTrue(oldest.socket.isClosed());
        assertFalse(other.socket.isClosed());
        assertNull(idle.take(A, 3));
        assertEquals(2, idle.size());
    }

    @Test
    void closingClosesEverythingAndKeepsNothingAfterwards() {
        IdleConnections idle = new IdleConnections(Duration.ofSeconds(15), 4, 16);
        IdleConnections.Connection kept = connection();
        idle.give(A, kept, 0);
        idle.close();
        assertTrue(kept.socket.isClosed());
        IdleConnections.Connection late = connection();
        idle.give(A, late, 1);
        assertTrue(late.socket.isClosed());
        assertEquals(0, idle.size());
    }
}
