package org.ondes.federation.delivery;

import org.junit.jupiter.api.Test;
import org.ondes.probe.ProbeException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutcomeTest {

    @Test
    void anyTwoHundredIsDelivered() {
        for (int status : new int[]{200, 201, 202, 204}) {
            assertEquals(new Outcome.Delivered(status), Outcome.ofStatus(status, 0, ""));
        }
    }

    @Test
    void fourTenIsGoneAtOnce() {
        assertEquals(new Outcome.Gone(410), Outcome.ofStatus(410, 0, "gone"));
    }

    @Test
    void fourOhFourIsRetriedAndTheThirdCountsAsGone() {
        Outcome first = Outcome.ofStatus(404, 0, "Not Found");
        Outcome.Retry retry = assertInstanceOf(Outcome.Retry.class, first);
        assertTrue(retry.notFound());
        assertEquals(Outcome.Host.UP, retry.host(), "a 404 shows the host is up");
        assertInstanceOf(Outcome.Retry.class, Outcome.ofStatus(404, 1, ""));
        assertEquals(new Outcome.Gone(404), Outcome.ofStatus(404, 2, ""));
    }

    @Test
    void otherClientErrorsAreDroppedWithTheirAnswer() {
        Outcome.Dropped dropped = assertInstanceOf(Outcome.Dropped.class, Outcome.ofStatus(400, 0, "bad actor"));
        assertEquals("HTTP 400: bad actor", dropped.reason());
        assertEquals(Outcome.Host.UP, dropped.host());
        assertInstanceOf(Outcome.Dropped.class, Outcome.ofStatus(401, 0, ""));
        assertInstanceOf(Outcome.Dropped.class, Outcome.ofStatus(403, 0, ""));
        assertInstanceOf(Outcome.Dropped.class, Outcome.ofStatus(422, 0, ""));
    }

    @Test
    void timeoutsTooManyRequestsAndServerErrorsAreRetriedAgainstTheHost() {
        for (int status : new int[]{408, 429, 500, 502, 503, 504}) {
            Outcome.Retry retry = assertInstanceOf(Outcome.Retry.class, Outcome.ofStatus(status, 0, ""));
            assertEquals(Outcome.Host.DOWN, retry.host(), "status " + status);
            assertEquals(status, retry.status());
        }
    }

    @Test
    void aRedirectIsRetriedNotFollowed() {
        Outcome.Retry retry = assertInstanceOf(Outcome.Retry.class, Outcome.ofStatus(301, 0, ""));
        assertEquals(Outcome.Host.UP, retry.host());
    }

    @Test
    void noAnswerIsRetriedAgainstTheHostExceptAnUnusableUrl() {
        for (ProbeException.Kind kind : ProbeException.Kind.values()) {
            Outcome o = Outcome.ofFailure(new ProbeException(kind, "because"));
            if (kind == ProbeException.Kind.INVALID_URL) {
                assertInstanceOf(Outcome.Dropped.class, o);
            } else {
                Outcome.Retry retry = assertInstanceOf(Outcome.Retry.class, o, kind.name());
                assertEquals(Outcome.Host.DOWN, retry.host());
                assertEquals("because", retry.reason());
            }
        }
    }
}
