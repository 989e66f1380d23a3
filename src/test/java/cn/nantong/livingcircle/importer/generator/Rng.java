package cn.nantong.livingcircle.importer.generator;

import java.util.List;
import java.util.Random;

/**
 * Seeded random source for the generator.
 *
 * <p>Wraps {@link java.util.Random} because its algorithms (seed scrambling, {@code next(int)},
 * {@code nextInt(int)}, {@code nextDouble()}) are specified exactly in its Javadoc "for the sake of
 * Java code portability", so the same seed gives the same dataset on every JDK. Independent
 * streams (one per cluster and purpose) are derived from the master seed with a SplitMix64
 * finaliser, so a change in, say, outlet placement does not move the streets.
 */
final class Rng {

    private final Random random;

    Rng(long seed) {
        this.random = new Random(seed);
    }

    /** A stream derived from {@code seed} and the given labels; stable across JDKs. */
    static Rng derive(long seed, long... labels) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        for (long label : labels) {
            h = mix(h ^ mix(label + 0x9E3779B97F4A7C15L));
        }
        return new Rng(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [min, max). */
    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    /** Uniform in [-amplitude, amplitude). */
    double jitter(double amplitude) {
        return uniform(-amplitude, amplitude);
    }

    /** Uniform integer in [min, max] (both inclusive). */
    int between(int min, int max) {
        return min + random.nextInt(max - min + 1);
    }

    /** Uniform integer in [0, bound). */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Index drawn with probability proportional to {@code weights[i]} (weights non-negative, sum > 0). */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            last = i;
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return last;
    }

    /** Fisher–Yates shuffle in place. */
    <T> void shuffle(List<T> values) {
        for (int i = values.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = values.get(i);
            values.set(i, values.get(j));
            values.set(j, tmp);
        }
    }
}
