package org.ondes.limits;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressTest {
    @Test
    void limitsCountIpv4AddressesAndIpv6Networks() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9").limitKey());
        assertEquals("203.0.113.9", ClientAddress.of("::ffff:203.0.113.9").limitKey());
        assertEquals("2001:db8:1:2:0:0:0:0/64", ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd").limitKey());
        assertEquals(ClientAddress.of("2001:db8:1:2::1").limitKey(), ClientAddress.of("2001:db8:1:2::2").limitKey());
        assertEquals("2001:db8:1:2:aaaa:bbbb:cccc:dddd", ClientAddress.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd").text());
    }

    @Test
    void onlyLiteralsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.of("localhost"));
    }
}
