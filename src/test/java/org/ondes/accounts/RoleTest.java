package org.ondes.accounts;

import org.junit.jupiter.api.Test;
import org.ondes.web.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleTest {
    @Test
    void eachRoleIncludesTheOnesBelow() {
        assertTrue(Role.ADMIN.atLeast(Role.MODERATOR));
        assertTrue(Role.MODERATOR.atLeast(Role.MODERATOR));
        assertFalse(Role.MODERATOR.atLeast(Role.ADMIN));
        assertFalse(Role.USER.atLeast(Role.MODERATOR));
    }

    @Test
    void wireNamesAreTheSecuredRoleNames() {
        assertEquals(Role.MODERATOR_NAME, Role.MODERATOR.wire());
        assertEquals(Role.ADMIN_NAME, Role.ADMIN.wire());
        assertEquals(Role.MODERATOR, Role.parse("moderator", "role"));
        assertEquals("role", assertThrows(ProblemException.class, () -> Role.parse("Admin", "role")).errors().get(0).name());
        assertEquals(Role.USER, Role.of("something else"), "unknown stored names grant nothing");
    }
}
