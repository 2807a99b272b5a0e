package org.ondes.streams;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListenUrlVerificationJobTest {
    @Test
    void unreachableStreamsAreRecheckedLessAndLessOftenUpToHalfAnHour() {
        assertEquals(Duration.ofMinutes(2), ListenUrlVerificationJob.recheckDelay(3));
        assertEquals(Duration.ofMinutes(4), ListenUrlVerificationJob.recheckDelay(4));
        assertEquals(Duration.ofMinutes(16), ListenUrlVerificationJob.recheckDelay(6));
        assertEquals(Duration.ofMinutes(30), ListenUrlVerificationJob.recheckDelay(7));
        assertEquals(Duration.ofMinutes(30), ListenUrlVerificationJob.recheckDelay(400));
    }
}
