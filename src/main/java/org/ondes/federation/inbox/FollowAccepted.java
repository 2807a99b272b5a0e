package org.ondes.federation.inbox;

import java.util.Map;

/**
 * A Follow of one of our actors was recorded: the {@code Accept} (embedding {@code follow} as received) is owed to
 * the follower's own inbox. Published inside the transaction that recorded the follow, so the reply is queued iff the
 * follow is stored.
 *
 * @param localActor    our actor's id (the station's or the instance's)
 * @param follow        the Follow activity as it arrived
 * @param followerInbox the follower's personal inbox (an Accept is not sent to shared inboxes)
 */
public record FollowAccepted(String localActor, Map<String, Object> follow, String followerInbox) {
}
