package org.ondes.accounts;

/** What a presented YP token allows: who owns it and whether it may announce streams right now. */
public record TokenGrant(long tokenId, long accountId, Status status) {
    public enum Status { ACTIVE, REVOKED, NOT_YET_VALID, EXPIRED, ACCOUNT_SUSPENDED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
