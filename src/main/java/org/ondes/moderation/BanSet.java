package org.ondes.moderation;

import io.micronaut.core.annotation.Nullable;
import org.ondes.limits.Cidr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ban rules at one version, compiled for checking: account ids in a map, ranges, host patterns and name patterns
 * in lists. Immutable, so the YP path reads it without locks. Cheap rules are checked first, regexes last.
 */
final class BanSet {
    /**
     * The rule that matched. {@code undecided}: a regex rule could not decide within its bounds; it counts as a match
     * (a name built to outrun a rule must not get through it), and the rule's authors should simplify it.
     */
    record Match(BanRule rule, boolean undecided) {
    }

    private record Compiled<T>(BanRule rule, T pattern) {
    }

    static final BanSet EMPTY = new BanSet(-1, List.of());

    private final long version;
    private final List<BanRule> rules;
    private final Map<Long, BanRule> accounts = new HashMap<>();
    private final List<Compiled<Cidr>> ranges = new ArrayList<>();
    private final List<Compiled<HostPattern>> hosts = new ArrayList<>();
    private final List<Compiled<NamePattern>> globs = new ArrayList<>();
    private final List<Compiled<NamePattern>> regexes = new ArrayList<>();

    /** Compiles stored rules; a rule that no longer compiles (it was valid when stored) is left out. */
    BanSet(long version, Collection<BanRule> stored) {
        this.version = version;
        this.rules = List.copyOf(stored);
        for (BanRule r : stored) {
            try {
                switch (r.kind()) {
                    case ACCOUNT -> accounts.putIfAbsent(r.accountId(), r);
                    case IP -> ranges.add(new Compiled<>(r, Cidr.parse(r.value())));
                    case HOST -> hosts.add(new Compiled<>(r, HostPattern.parse(r.value())));
                    case NAME -> {
                        NamePattern p = NamePattern.parse(r.syntax(), r.value());
                        (p instanceof NamePattern.Regex ? regexes : globs).add(new Compiled<>(r, p));
                    }
                }
            } catch (IllegalArgumentException e) {
                // stored rules were validated when created; nothing sensible to do with one that is not
            }
        }
    }

    long version() {
        return version;
    }

    List<BanRule> rules() {
        return rules;
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    Optional<Match> match(BanSubject s) {
        BanRule account = accounts.get(s.accountId());
        if (account != null) {
            return found(account);
        }
        if (s.requester() != null) {
            for (Compiled<Cidr> c : ranges) {
                if (c.pattern().contains(s.requester())) {
                    return found(c.rule());
                }
            }
        }
        if (s.listenHost() != null) {
            for (Compiled<HostPattern> c : hosts) {
                if (c.pattern().matches(s.listenHost())) {
                    return found(c.rule());
                }
            }
        }
        if (s.name() != null) {
            Optional<Match> byName = name(globs, s.name());
            return byName.isPresent() ? byName : name(regexes, s.name());
        }
        return Optional.empty();
    }

    private static Optional<Match> name(List<Compiled<NamePattern>> patterns, String name) {
        for (Compiled<NamePattern> c : patterns) {
            try {
                if (c.pattern().matches(name)) {
                    return found(c.rule());
                }
            } catch (NamePattern.TooSlow e) {
                return Optional.of(new Match(c.rule(), true));
            }
        }
        return Optional.empty();
    }

    private static Optional<Match> found(@Nullable BanRule rule) {
        return Optional.of(new Match(rule, false));
    }
}
