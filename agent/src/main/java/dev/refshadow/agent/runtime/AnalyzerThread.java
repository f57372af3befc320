package dev.refshadow.agent.runtime;

import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.analyzer.heap.Anomalies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that owns the shadow: it drains every application thread's buffer, applies
 * the events in each thread's order, runs the collector and answers synchronous requests.
 * Its own activity is never recorded.
 */
public final class AnalyzerThread extends Thread {
    private static volatile AnalyzerThread instance;
    /** Drains a request may wait for rounds without a store in flight. */
    private static final int SETTLE_ATTEMPTS = 64;

    private final Shadow shadow;
    private final EventApplier applier;
    private final List<Request> requests = new ArrayList<>();
    private EventBuffer[] buffers = new EventBuffer[64];
    /** For {@link #quiescent()}: a second snapshot, taken while {@link #buffers} is in use. */
    private EventBuffer[] others = new EventBuffer[64];
    /** The buffer whose events are being applied, or null. */
    private EventBuffer draining;
    private volatile boolean stopping;
    private volatile Throwable crash;

    private AnalyzerThread(Shadow shadow) {
        super("refshadow-analyzer");
        setDaemon(true);
        this.shadow = shadow;
        this.applier = new EventApplier(shadow);
        shadow.analyzer.heap.setConfirming(this::quiescent);
    }

    /** Starts the analyzer thread and switches recording on. */
    public static AnalyzerThread start(Shadow shadow) {
        AnalyzerThread thread = new AnalyzerThread(shadow);
        ThreadBuffers.ignore(thread);
        instance = thread;
        thread.start();
        ThreadBuffers.recording = true;
        return thread;
    }

    /** The running analyzer, or null when the agent is not attached. */
    public static AnalyzerThread get() {
        return instance;
    }

    static void wakeUp() {
        AnalyzerThread t = instance;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public void run() {
        try {
            while (!stopping) {
                boolean worked = drainAll();
                worked |= serveRequests();
                if (!worked) {
                    LockSupport.parkNanos(this, 1_000_000L);
                }
            }
        } catch (Throwable t) {
            crash = t;
            ThreadBuffers.recording = false;
            failPendingRequests(t);
        }
    }

    /**
     * Runs {@code request} on the analyzer thread after applying everything recorded so far, and
     * waits for it. The calling thread records nothing meanwhile.
     */
    public void call(Request request) {
        if (crash != null) {
            throw new IllegalStateException("refshadow analyzer stopped: " + crash, crash);
        }
        EventBuffer paused = ThreadBuffers.pause();
        try {
            synchronized (requests) {
                requests.add(request);
            }
            LockSupport.unpark(this);
            request.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the refshadow analyzer", e);
        } finally {
            ThreadBuffers.resume(paused);
        }
    }

    private boolean serveRequests() {
        Request next;
        synchronized (requests) {
            if (requests.isEmpty()) {
                return false;
            }
            next = requests.remove(0);
        }
        drainAndSettle();
        try {
            next.run(shadow);
            next.complete(null);
        } catch (Throwable t) {
            next.complete(t);
        }
        return true;
    }

    /**
     * Applies everything published, then drains until two more rounds were complete (or a few
     * attempts failed), so that objects last touched by threads that are done with them are
     * settled: a query sees what those threads did before it (see ShadowHeap's unsettled objects).
     */
    private void drainAndSettle() {
        drainAll();
        int settledAt = shadow.analyzer.heap.round() + 2;
        for (int attempt = 0; attempt < SETTLE_ATTEMPTS && !shadow.analyzer.heap.isSettled()
                && shadow.analyzer.heap.round() < settledAt; attempt++) {
            drainAll();
        }
    }

    private void failPendingRequests(Throwable t) {
        synchronized (requests) {
            for (Request r : requests) {
                r.complete(t);
            }
            requests.clear();
        }
    }

    /** Applies every published event of every thread; returns whether there were any. */
    boolean drainAll() {
        int n = ThreadBuffers.snapshot(buffers);
        if (n > buffers.length) {
            buffers = new EventBuffer[n * 2];
            n = ThreadBuffers.snapshot(buffers);
        }
        // Events arrive out of order across threads: see ShadowHeap on rounds and quiescence.
        shadow.analyzer.heap.beginRound(noStoreInFlight(buffers, n));
        boolean worked = false;
        for (int k = 0; k < n; k++) {
            EventBuffer b = buffers[k];
            buffers[k] = null;
            if (b.retired || b.thread == this) {
                continue;
            }
            draining = b;
            shadow.analyzer.heap.setDeferRelease(true);
            worked |= drain(b);
            if (!b.thread.isAlive()) {
                drain(b); // a dead thread published everything: apply the rest, then forget it
                applier.threadEnded(b.threadIndex);
                ThreadBuffers.retire(b);
            }
            shadow.analyzer.heap.setDeferRelease(false);
            shadow.analyzer.heap.flushZeroCounts();
        }
        draining = null;
        return worked;
    }

    /** True when no thread is between a store and the publication of its event. */
    private static boolean noStoreInFlight(EventBuffer[] all, int n) {
        for (int k = 0; k < n; k++) {
            if (all[k].storing != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every event that happened before the events applied so far is applied too: no
     * thread but the one being drained has published events not yet applied, and no thread is
     * between a store and its event.
     */
    private boolean quiescent() {
        int n = ThreadBuffers.snapshot(others);
        if (n > others.length) {
            others = new EventBuffer[n * 2];
            n = ThreadBuffers.snapshot(others);
        }
        boolean quiet = noStoreInFlight(others, n);
        for (int k = 0; k < n; k++) {
            EventBuffer b = others[k];
            others[k] = null;
            quiet &= b == draining || b.retired || b.thread == this || b.drained();
        }
        return quiet;
    }

    /** Applies the published events of one thread, chunk after chunk; drops the chunks it finished. */
    private boolean drain(EventBuffer b) {
        boolean worked = false;
        while (true) {
            EventChunk c = b.reading;
            int to = c.published;
            for (int i = b.readIndex; i < to; i++) {
                try {
                    applier.apply(c, i, b.threadIndex);
                } catch (RuntimeException e) {
                    shadow.analyzer.heap.anomalies.record(Anomalies.Kind.EVENT_FAILED, describe(e));
                }
            }
            worked |= to != b.readIndex;
            b.readIndex = to;
            EventChunk next = c.next;
            if (to < EventChunk.CAPACITY || next == null) {
                return worked;
            }
            b.reading = next;
            b.readIndex = 0;
            b.chunksRead++;
        }
    }

    private static String describe(RuntimeException e) {
        StringBuilder s = new StringBuilder(e.toString());
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < trace.length && i < 6; i++) {
            s.append(" at ").append(trace[i]);
        }
        return s.toString();
    }

    /** Stops recording, applies what is left, and ends the loop; then runs {@code last} on this thread's state. */
    public void shutdown(Request last) {
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                ThreadBuffers.recording = false;
                drainAll();
                last.run(s);
                stopping = true;
            }
        });
    }

    /** Why the analyzer stopped, or null while it runs. */
    public Throwable crash() {
        return crash;
    }
}
