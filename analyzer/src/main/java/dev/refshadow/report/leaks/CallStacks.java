package dev.refshadow.report.leaks;

import dev.refshadow.analyzer.heap.CallPaths;
import dev.refshadow.report.LeakGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * The call stack of a closing write, read like a Java stack trace: the write's site, then the
 * methods of the thread's frames from the innermost out, at most {@link LeakGroup#MAX_STACK_FRAMES}
 * entries; the outer frames beyond are only counted.
 *
 * <p>The innermost frame is not repeated when the site already names its method: the write was
 * made in that frame, not in a leaf method it called (leaf methods record no frame of their own).
 * Frames that did not name their method are left out.
 */
final class CallStacks {
    /** The entries shown and the number of outer frames left out. */
    record CallStack(List<String> frames, long omittedFrames) {
    }

    private final Names names;
    private final CallPaths paths;

    CallStacks(Names names, CallPaths paths) {
        this.names = names;
        this.paths = paths;
    }

    /** The stack of a write at {@code site} (null when unknown) made by a thread at {@code path}. */
    CallStack of(String site, int path) {
        List<String> frames = new ArrayList<>();
        if (site != null) {
            frames.add(site);
        }
        long omitted = 0;
        for (int node = path; node != 0; node = paths.caller(node)) {
            String method = names.site(paths.method(node));
            if (method == null || node == path && site != null && isIn(site, method)) {
                continue;
            }
            if (frames.size() < LeakGroup.MAX_STACK_FRAMES) {
                frames.add(method);
            } else {
                omitted++;
            }
        }
        return new CallStack(frames, omitted);
    }

    /** Whether {@code site} ({@code a.B.m(B.java:12)}) is a line of {@code method} ({@code a.B.m(B.java)}). */
    private static boolean isIn(String site, String method) {
        return site.equals(method) || site.startsWith(method.substring(0, method.length() - 1) + ":");
    }
}
