package io.reaktiv.bench.scenarios;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The JavaScript semantics the scenarios rely on, so that values and printed checksums match the Node harness
 * bit for bit (SCENARIOS.md §0, "Numbers").
 */
final class Js {

    private Js() {}

    /**
     * JavaScript truthiness of a number, for {@code a ? b : c} and {@code a || b}: {@code 0}, {@code -0} and
     * {@code NaN} are false.
     *
     * @param x the number
     * @return whether {@code x} is truthy
     */
    static boolean truthy(double x) {
        return x != 0 && !Double.isNaN(x);
    }

    /**
     * JavaScript {@code x & 1} on a non-negative integer value below 2^53.
     *
     * @param x the number
     * @return whether it is odd
     */
    static boolean odd(double x) {
        return ((long) x & 1) != 0;
    }

    /**
     * Formats a number like JavaScript's {@code String(x)}: shortest round-trip digits, integers below 1e21
     * without exponent, larger and smaller magnitudes as {@code d.ddde+N}.
     *
     * @param x the number
     * @return its JavaScript string form
     */
    static String format(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        if (x == 0) {
            return "0";
        }
        BigDecimal shortest = shortest(x);
        // JS rule (ECMA-262 Number::toString): digits d1..dk, value = 0.d1..dk * 10^n.
        String digits = shortest.unscaledValue().abs().toString().replaceFirst("0+$", "");
        int n = shortest.precision() - shortest.scale();
        String sign = x < 0 ? "-" : "";
        int k = digits.length();
        if (k <= n && n <= 21) {
            return sign + digits + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + digits.substring(0, n) + "." + digits.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + digits;
        }
        int exponent = n - 1;
        String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    /** The shortest decimal that reads back as {@code x}; JDK 17's {@code Double.toString} is not always that. */
    private static BigDecimal shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == x) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }
}
