package org.ondes.yp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ondes.probe.AddressPolicy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AddRulesTest {
    private final AddRules strict = new AddRules(new AddressPolicy(false));

    private static YpRequest.Add add(String name, String type, String listenUrl, String homepage) {
        return new YpRequest.Add(name, "rock", null, homepage, listenUrl, type, null, 128, null, null, null, null, null, null, null);
    }

    private String refusal(YpRequest.Add add) {
        AddRules.Verdict v = strict.check(add);
        assertInstanceOf(AddRules.Refused.class, v, "expected a refusal for " + add);
        return ((AddRules.Refused) v).reason();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Unspecified name", "This is my server name", "Stream Name", "stream", "Stream-128", "My Station name",
            "-", "AutoDJ", "Auto-DJ", "Instreamer", "UNSPECIFIED NAME"})
    void refusesIcecastAndSourceClientDefaultNames(String name) {
        assertTrue(refusal(add(name, "audio/mpeg", "http://radio.example.net:8000/live", null)).startsWith("Default stream name"));
    }

    @Test
    void acceptsNamesThatMerelyContainDefaultWords() {
        assertInstanceOf(AddRules.Accepted.class, strict.check(add("Stream of Consciousness", "audio/mpeg", "http://radio.ondes.net/l", null)));
        assertInstanceOf(AddRules.Accepted.class, strict.check(add("Radio - Jazz", "audio/mpeg", "http://radio.ondes.net/l", null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:8000/live|loopback",
            "http://10.0.0.5:8000/live|private",
            "http://192.168.1.10/live|private",
            "http://172.16.4.4/live|private",
            "http://169.254.1.1/live|link-local",
            "http://100.64.0.1/live|100.64",
            "http://[::1]:8000/live|::1",
            "http://[fd00::1]/live|fd00::1",
            "http://localhost:8000/live|localhost",
            "http://studio.local:8000/live|studio.local",
            "http://2130706433:8000/live|2130706433",
            "http://[fe80::1]:8000/live|fe80::1",
            "http://LocalHost:8000/live|localhost"})
    void refusesListenUrlsListenersCannotReach(String url, String mentions) {
        String reason = refusal(add("Radio", "audio/mpeg", url, null));
        assertTrue(reason.startsWith("listen URL not reachable by listeners"), reason);
        assertTrue(reason.contains("<hostname>"), reason);
        assertTrue(reason.toLowerCase().contains(mentions.toLowerCase()), reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://radio.example.net/live|http or https",
            "radio.example.net:8000/live|http or https",
            "http://2001:db8::1:8000/live|brackets",
            "http://user:pw@radio.ondes.net/live|user name",
            "http:///nohost|could not parse",
            "http://127.1:8000/live|could not parse"})
    void refusesMalformedListenUrls(String url, String mentions) {
        assertTrue(refusal(add("Radio", "audio/mpeg", url, null)).contains(mentions));
    }

    @Test
    void missingFieldsAreNamed() {
        assertTrue(refusal(add(null, "audio/mpeg", "http://radio.ondes.net/l", null)).startsWith("missing sn"));
        assertTrue(refusal(add("Radio", null, "http://radio.ondes.net/l", null)).startsWith("missing type"));
        assertTrue(refusal(add("Radio", "audio/mpeg", null, null)).startsWith("missing listenurl"));
    }

    @Test
    void homepageIsKeptOnlyAsAnHttpUrl() {
        assertEquals("https://radio.ondes.net/", AddRules.homepage("https://radio.ondes.net/"));
        assertEquals("http://www.radio.net", AddRules.homepage("www.radio.net"));
        assertNull(AddRules.homepage("javascript:alert(1)"));
        assertNull(AddRules.homepage("not a url"));
        assertNull(AddRules.homepage(null));
    }
}
