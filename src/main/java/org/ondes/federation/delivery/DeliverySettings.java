package org.ondes.federation.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The delivery queue (prefix {@code ondes.federation.delivery}), see docs/configuration.md.
 *
 * @param threads          deliveries sent at the same time by this instance
 * @param connectTimeoutMs connect timeout per address of a receiving server
 * @param readTimeoutMs    how long a receiving server may take to answer (each read; a whole answer at most four
 *                         times this)
 * @param cpuShare         the share of one core that delivery work (signing, sending, claiming, settling) may use on
 *                         average on this instance ({@link CpuBudget}); 1 or more leaves it unpaced
 * @param nice             the Linux nice value of the delivery threads ({@link ThreadNice}): 1–19 lets the threads
 *                         serving requests go first whenever the cores are contended; 0 leaves them at normal priority
 */
@ConfigurationProperties("ondes.federation.delivery")
record DeliverySettings(@Bindable(defaultValue = "8") int threads,
                        @Bindable(defaultValue = "3000") int connectTimeoutMs,
                        @Bindable(defaultValue = "5000") int readTimeoutMs,
                        @Bindable(defaultValue = "0.4") double cpuShare,
                        @Bindable(defaultValue = "10") int nice) {
    DeliverySettings {
        if (!(cpuShare > 0)) {
            throw new IllegalArgumentException("ondes.federation.delivery.cpu-share (ONDES_FEDERATION_DELIVERY_CPU_SHARE)"
                    + " must be above 0, for example 0.3 for 30 % of one core; got " + cpuShare);
        }
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("ondes.federation.delivery.nice (ONDES_FEDERATION_DELIVERY_NICE) must be"
                    + " between 0 (normal priority) and 19 (lowest); got " + nice);
        }
    }
}
