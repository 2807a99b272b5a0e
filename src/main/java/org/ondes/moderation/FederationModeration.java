package org.ondes.moderation;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.ondes.federation.DomainBlocks;
import org.ondes.text.PlainText;
import org.ondes.web.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Moderators' controls over federation: domain blocks (no request from a blocked domain is taken, nothing is sent
 * there or fetched from there; subdomains included), each change in the audit log.
 */
@Singleton
public class FederationModeration {
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
    private final DomainBlocks blocks;
    private final ActionLog log;

    FederationModeration(DomainBlocks blocks, ActionLog log) {
        this.blocks = blocks;
        this.log = log;
    }

    @Serdeable
    public record BlockView(String domain, String reason, String createdBy, Instant createdAt) {
    }

    public List<BlockView> blocks() {
        return blocks.list().stream().map(b -> new BlockView(b.domain(), b.reason(), b.createdBy(), b.createdAt()))
                .toList();
    }

    @Transactional
    public BlockView block(Moderation.Actor actor, String domain, String reason) {
        String d = domain(domain);
        String r = reason == null ? "" : PlainText.clean(reason, 500);
        if (r.isBlank()) {
            throw ProblemException.badRequest("reason", "is required (it is kept in the audit log)");
        }
        if (!blocks.block(d, r, actor.username())) {
            throw new ProblemException(HttpStatus.CONFLICT, "Already blocked", d + " is blocked already");
        }
        log.recordOn(ModerationAction.BLOCK_DOMAIN, actor, d, null, d, r, null);
        return blocks().stream().filter(b -> b.domain().equals(d)).findFirst().orElseThrow();
    }

    @Transactional
    public void unblock(Moderation.Actor actor, String domain) {
        String d = domain(domain);
        if (!blocks.unblock(d)) {
            throw ProblemException.notFound("no block of " + d);
        }
        log.recordOn(ModerationAction.UNBLOCK_DOMAIN, actor, d, null, d, null, null);
    }

    static String domain(String domain) {
        String d = DomainBlocks.normalise(domain);
        if (d == null || d.length() > 253 || !DOMAIN.matcher(d).matches()) {
            throw ProblemException.badRequest("domain", "must be a domain name such as spam.example");
        }
        return d;
    }
}
