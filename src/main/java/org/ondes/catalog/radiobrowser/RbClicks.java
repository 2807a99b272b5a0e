package org.ondes.catalog.radiobrowser;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.ondes.config.Jobs;
import jakarta.transaction.Transactional;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Click counting as radio-browser does it: once per client address, station and (UTC) day. The address itself is
 * never stored, only its SHA-256 with the day's random salt; an hourly job drops older salts and clicks past
 * {@link #RETENTION}.
 */
@Singleton
class RbClicks {
    /** radio-browser's click-valid-timeout: one click per client and station within this. */
    static final Duration CLICK_VALID = Duration.ofDays(1);
    /** clickcount and clicks_last_day cover this window. */
    static final Duration LAST_DAY = Duration.ofDays(1);
    static final Duration LAST_HOUR = Duration.ofHours(1);
    static final Duration RETENTION = Duration.ofDays(2);

    private record DaySalt(LocalDate day, byte[] salt) {
    }

    private final RbClickStore store;
    private final SecureRandom random = new SecureRandom();
    private final Jobs jobs;
    private volatile DaySalt salt;

    RbClicks(RbClickStore store, Jobs jobs) {
        this.store = store;
        this.jobs = jobs;
    }

    /** Counts a click of {@code client} on the station unless it already clicked it today; true when counted. */
    @Transactional
    boolean click(UUID stationId, InetAddress client) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return store.insert(stationId, today, hash(saltOf(today), client));
    }

    @Transactional
    Map<UUID, RbStations.Clicks> clicks(List<UUID> stationIds) {
        return store.clicks(stationIds, LAST_DAY);
    }

    @Transactional
    long lastHour() {
        return store.count(LAST_HOUR);
    }

    @Transactional
    long lastDay() {
        return store.count(LAST_DAY);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void purge() {
        jobs.pass("radio-browser click purge", this::purgeNow);
    }

    @Transactional
    int purgeNow() {
        return store.purge(RETENTION, LocalDate.now(ZoneOffset.UTC));
    }

    private byte[] saltOf(LocalDate day) {
        DaySalt s = salt;
        if (s == null || !s.day().equals(day)) {
            byte[] candidate = new byte[32];
            random.nextBytes(candidate);
            s = new DaySalt(day, store.salt(day, candidate));
            salt = s;
        }
        return s.salt();
    }

    static byte[] hash(byte[] salt, InetAddress client) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(client.getAddress());
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
