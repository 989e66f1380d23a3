package cn.nantong.livingcircle.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The permits heavy requests share on this replica ({@code circle.api.max-concurrent-heavy}): a heavy request holds
 * one from before its first field until its execution has ended, so a burst of searches queues instead of
 * multiplying CPU and search memory, while cheap requests never wait for it. It is the only concurrency cap of the
 * API: site suggestions and what-if, which used to have a pool of their own in analytics, are heavy fields here.
 */
class HeavyRequestBulkhead {

    private final Semaphore permits;
    private final int maxConcurrent;
    private final Duration queueTimeout;

    HeavyRequestBulkhead(int maxConcurrent, Duration queueTimeout) {
        // fair: a request that has waited longest gets the next permit, so none starves behind later arrivals
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxConcurrent = maxConcurrent;
        this.queueTimeout = queueTimeout;
    }

    /** Waits up to the queue timeout for a permit; false when none freed up (or the wait was interrupted). */
    boolean tryAcquire() {
        try {
            return permits.tryAcquire(queueTimeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void release() {
        permits.release();
    }

    int maxConcurrent() {
        return maxConcurrent;
    }

    int available() {
        return permits.availablePermits();
    }

    /** What a refused client should wait before retrying: the queue timeout, rounded up to whole seconds. */
    long retryAfterSeconds() {
        return Math.max(1, queueTimeout.plusNanos(999_999_999).toSeconds());
    }
}
