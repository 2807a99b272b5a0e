package org.ondes.federation.delivery;

import jakarta.inject.Singleton;
import org.ondes.federation.DomainBlocks;
import org.ondes.federation.FederationClient;
import org.ondes.federation.keys.SigningKeys;
import org.ondes.federation.signatures.HttpSigner;
import org.ondes.federation.signatures.SigningKey;
import org.ondes.probe.GuardedHttpClient;
import org.ondes.probe.ProbeException;
import org.ondes.probe.Request;
import org.ondes.probe.Response;
import org.ondes.text.PlainText;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Sends one delivery: checks the domain is not blocked, signs the stored bytes for this attempt (a fresh
 * {@code Date}, so a retry carries a new signature) and POSTs them through federation's own guarded client (every
 * address checked when it connects; private addresses only with {@code ondes.federation.allow-private-addresses}).
 * Redirects are not followed: a signed POST is not replayed elsewhere.
 */
@Singleton
class InboxSender {
    static final String CONTENT_TYPE = "application/activity+json";
    /** Only the start of an answer is kept, for the log. */
    private static final int MAX_ANSWER_BYTES = 4096;
    private static final int LOGGED_ANSWER_CHARS = 200;

    private final SigningKeys keys;
    private final DomainBlocks blocks;
    private final HttpSigner signer = new HttpSigner(Clock.systemUTC());
    /**
     * One signature at a time: an RSA signature (about 1 ms of CPU) is most of what a delivery costs this machine,
     * and deliveries are background work; with all send threads signing at once, a fan-out would take every core
     * from the requests being served. One signer still makes several hundred signatures a second.
     */
    private final Semaphore signing = new Semaphore(1);
    private final Map<String, SigningKey> signingKeys = new ConcurrentHashMap<>();
    private final FederationClient http;

    InboxSender(FederationClient http, SigningKeys keys, DomainBlocks blocks) {
        this.http = http;
        this.keys = keys;
        this.blocks = blocks;
    }

    Outcome send(DeliveryStore.Due d) {
        Optional<InboxTarget> target = InboxTarget.parse(d.inbox());
        if (target.isEmpty()) {
            return new Outcome.Dropped("not an http(s) inbox URL", Outcome.Host.UNKNOWN);
        }
        if (blocks.blocks(target.get().host())) {
            return new Outcome.Dropped("the domain is blocked", Outcome.Host.UNKNOWN);
        }
        Optional<SigningKey> key = signingKey(d.signer());
        if (key.isEmpty()) {
            return new Outcome.Dropped("the signer " + d.signer() + " is not an actor of this instance",
                    Outcome.Host.UNKNOWN);
        }
        InboxTarget t = target.get();
        byte[] body = d.body();
        HttpSigner.SignedHeaders headers;
        signing.acquireUninterruptibly();
        try {
            headers = signer.post(t.hostHeader(), t.requestTarget(), CONTENT_TYPE, body, key.get());
        } finally {
            signing.release();
        }
        Request request = new Request("POST", t.uri(), headers.headers(), body, MAX_ANSWER_BYTES, 0, false);
        try {
            Response answer = client().send(request);
            return Outcome.ofStatus(answer.status(), d.notFound(), answerText(answer));
        } catch (ProbeException e) {
            return Outcome.ofFailure(e);
        }
    }

    /** The signer's key; kept once found, since an actor's key never changes once made. */
    private Optional<SigningKey> signingKey(String actor) {
        SigningKey known = signingKeys.get(actor);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SigningKey> key = keys.of(actor);
        key.ifPresent(k -> signingKeys.putIfAbsent(actor, k));
        return key;
    }

    /** The start of an answer's body as one clean line (receivers such as Mastodon say there why they refused). */
    private static String answerText(Response answer) {
        String text = PlainText.clean(new String(answer.body(), StandardCharsets.UTF_8), LOGGED_ANSWER_CHARS);
        return text == null ? "" : text;
    }

    private GuardedHttpClient client() {
        return http.client();
    }
}
