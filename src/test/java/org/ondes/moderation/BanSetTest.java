package org.ondes.moderation;

import org.junit.jupiter.api.Test;
import org.ondes.limits.ClientAddress;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BanSetTest {
    private static final Instant T = Instant.parse("2026-11-21T10:15:30Z");

    private static BanRule rule(long id, BanKind kind, String syntax, String value, Long account) {
        return new BanRule(id, kind, syntax, value, account, "reason " + id, "mod", T);
    }

    private static final BanSet RULES = new BanSet(3, List.of(
            rule(1, BanKind.HOST, null, "*.spam.example", null),
            rule(2, BanKind.IP, null, "203.0.113.0/24", null),
            rule(3, BanKind.IP, null, "2001:db8:1::/48", null),
            rule(4, BanKind.NAME, "glob", "*casino*", null),
            rule(5, BanKind.NAME, "regex", "^((a+)+)+$", null),
            rule(6, BanKind.ACCOUNT, null, "mallory", 42L)));

    private static Optional<BanSet.Match> match(String host, String ip, String name, long account) {
        return RULES.match(new BanSubject(host, ip == null ? null : ClientAddress.of(ip), name, account));
    }

    private static long rule(Optional<BanSet.Match> m) {
        return m.orElseThrow().rule().id();
    }

    @Test
    void eachKindMatchesWhatItNamesAndNothingElse() {
        assertTrue(match("radio.example.org", "198.51.100.7", "Jazz Radio", 7).isEmpty());
        assertEquals(1, rule(match("live.spam.example", "198.51.100.7", "Jazz Radio", 7)));
        assertEquals(2, rule(match("radio.example.org", "203.0.113.200", "Jazz Radio", 7)));
        assertEquals(3, rule(match("radio.example.org", "2001:db8:1:ff::5", "Jazz Radio", 7)));
        assertTrue(match("radio.example.org", "2001:db8:2::5", "Jazz Radio", 7).isEmpty());
        assertEquals(2, rule(match("radio.example.org", "::ffff:203.0.113.9", "Jazz Radio", 7)),
                "an IPv4-mapped address is its IPv4 address");
        assertEquals(4, rule(match("radio.example.org", "198.51.100.7", "Lucky CASINO", 7)));
        assertEquals(6, rule(match("radio.example.org", "198.51.100.7", "Jazz Radio", 42)));
    }

    @Test
    void aRegexThatCannotDecideCountsAsAMatchAndSaysSo() {
        BanSet.Match m = match("radio.example.org", "198.51.100.7", "a".repeat(60) + "!", 7).orElseThrow();
        assertEquals(5, m.rule().id());
        assertTrue(m.undecided());
        assertFalse(match("radio.example.org", "198.51.100.7", "aaaa", 7).orElseThrow().undecided());
    }

    @Test
    void unknownPartsOfASubjectMatchNoRuleOfTheirKind() {
        assertTrue(match(null, null, null, 7).isEmpty());
        assertEquals(6, rule(match(null, null, null, 42)));
    }
}
