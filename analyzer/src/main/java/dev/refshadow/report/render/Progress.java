package dev.refshadow.report.render;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of a long rendering, as lines such as {@code refshadow: html: 400/1,000 groups}:
 * nothing during the first {@value #QUIET_MILLIS} ms (short renderings stay silent), then at
 * most one line per {@value #QUIET_MILLIS} ms, and a closing line if anything was shown.
 */
public final class Progress {
    public static final long QUIET_MILLIS = 1000;
    private static final Progress NONE = new Progress("", line -> { }, () -> 0);

    private final String what;
    private final Consumer<String> sink;
    private final LongSupplier nanoClock;
    private long started;
    private long lastShown;
    private boolean shown;
    private int total;

    public Progress(String what, Consumer<String> sink, LongSupplier nanoClock) {
        this.what = what;
        this.sink = sink;
        this.nanoClock = nanoClock;
    }

    public static Progress none() {
        return NONE;
    }

    /** Progress lines on {@code sink}, timed by the system clock. */
    public static Progress to(String what, Consumer<String> sink) {
        return new Progress(what, sink, System::nanoTime);
    }

    public void start(int totalGroups) {
        total = totalGroups;
        started = nanoClock.getAsLong();
        lastShown = started;
        shown = false;
    }

    /** {@code done} of the groups are rendered. */
    public void step(int done) {
        long now = nanoClock.getAsLong();
        if ((now - lastShown) / 1_000_000 >= QUIET_MILLIS) {
            lastShown = now;
            shown = true;
            sink.accept("refshadow: " + what + ": " + Units.count(done) + "/" + Units.count(total) + " groups");
        }
    }

    public void finish() {
        if (shown) {
            sink.accept("refshadow: " + what + ": done, " + Units.plural(total, "group") + " in "
                    + Units.millis((nanoClock.getAsLong() - started) / 1_000_000));
        }
    }
}
