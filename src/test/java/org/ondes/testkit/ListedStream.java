package org.ondes.testkit;

import java.time.Duration;
import java.util.Map;

/**
 * A stream announced over YP (add) and waited for until it is listed: its SID for touches and removes, and the ids
 * under which the catalog and the live feed name it.
 */
public record ListedStream(String sid, String listenUrl, String sessionId, String stationId) {

    /** Adds {@code name} at {@code mount.url(path)} with the user's YP token and waits (15 s) until it is listed. */
    public static ListedStream announce(OndesApi api, OndesApi.User user, FakeIcecastMount mount, String name, String path) {
        String url = mount.url(path);
        return announce(api, user, url, IcecastWire.add(name, "test", url));
    }

    /** Sends the add {@code body} (for {@code url}) with the user's YP token and waits (15 s) until it is listed. */
    public static ListedStream announce(OndesApi api, OndesApi.User user, String url, byte[] body) {
        YpReplyHead added = YpReplyHead.parse(api.ypRaw(user.ypToken(), body));
        if (!added.ok()) {
            throw new AssertionError("add refused: " + added.raw());
        }
        Map<String, Object> item = Await.until(Duration.ofSeconds(15), () -> api.listedStream(url), m -> m != null,
                () -> "catalog: " + api.get("/api/v1/streams", null).body());
        // catalog entries are stations; the session is the entry's session with this listen URL
        String sessionId = ((java.util.List<?>) item.get("sessions")).stream().map(o -> (Map<?, ?>) o)
                .filter(s -> url.equals(s.get("listenUrl"))).map(s -> (String) s.get("id")).findFirst().orElseThrow();
        return new ListedStream(added.sid(), url, sessionId, (String) item.get("id"));
    }

    public YpReplyHead touch(OndesApi api, OndesApi.User user, String song, int listeners) {
        return YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.touch(sid, song, listeners)));
    }

    public YpReplyHead remove(OndesApi api, OndesApi.User user) {
        return YpReplyHead.parse(api.ypRaw(user.ypToken(), IcecastWire.remove(sid)));
    }
}
