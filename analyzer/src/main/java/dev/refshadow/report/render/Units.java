package dev.refshadow.report.render;

import java.util.Locale;

/** Numbers as people read them: {@code 1,204}, {@code 6.4 KiB}, {@code 1.2 s}. */
public final class Units {
    private static final String[] BYTE_UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {
    }

    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String bytes(long n) {
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return unit == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, BYTE_UNITS[unit]);
    }

    public static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A fraction as a percentage with four decimals, rounded down: only 1.0 reads {@code 100.0000 %}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.4f %%", Math.floor(fraction * 1_000_000) / 10_000);
    }

    /** {@code n word} or {@code n words}. */
    public static String plural(long n, String word) {
        return count(n) + " " + word + (n == 1 ? "" : "s");
    }
}
