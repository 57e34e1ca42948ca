package io.reaktiv.bench.scenarios;

/**
 * The dynamic graph's random generator, bit-exact with the JavaScript original (SCENARIOS.md §3): an
 * {@code sfc32} generator seeded by four {@code xmur3a} hashes of the seed string. Java's {@code int} arithmetic
 * wraps like JavaScript's {@code Math.imul} and {@code | 0}.
 */
final class PseudoRandom {

    private int a;
    private int b;
    private int c;
    private int d;

    /**
     * Creates the generator the scenarios use: {@code pseudoRandom("seed")}.
     */
    PseudoRandom() {
        this("seed");
    }

    /**
     * Creates a generator for a seed string.
     *
     * @param seed hashed with {@code xmur3a} to the four state words
     */
    PseudoRandom(String seed) {
        Xmur3a hash = new Xmur3a(seed);
        a = hash.next();
        b = hash.next();
        c = hash.next();
        d = hash.next();
    }

    /**
     * Returns the next number, uniformly in [0, 1).
     *
     * @return {@code uint32(t) / 2^32}
     */
    double next() {
        int t = a + b;
        a = b ^ (b >>> 9);
        b = c + (c << 3);
        c = Integer.rotateLeft(c, 21);
        d = d + 1;
        t = t + d;
        c = c + t;
        return Integer.toUnsignedLong(t) / 4294967296.0;
    }

    /** The {@code xmur3a} string hash: a stream of 32-bit values derived from one string. */
    static final class Xmur3a {

        private int h;

        Xmur3a(String str) {
            h = (int) 2166136261L;
            for (int i = 0; i < str.length(); i++) {
                int k = str.charAt(i) * (int) 3432918353L;
                k = Integer.rotateLeft(k, 15);
                h ^= k * 461845907;
                h = Integer.rotateLeft(h, 13);
                h = h * 5 + (int) 3864292196L;
            }
            h ^= str.length();
        }

        /** Returns the next hash as a signed int; read it with {@link Integer#toUnsignedLong}. */
        int next() {
            h ^= h >>> 16;
            h *= (int) 2246822507L;
            h ^= h >>> 13;
            h *= (int) 3266489909L;
            h ^= h >>> 16;
            return h;
        }
    }
}
