package dev.refshadow;

import dev.refshadow.agent.runtime.AnalyzerThread;
import dev.refshadow.agent.runtime.Barrier;
import dev.refshadow.agent.runtime.Request;
import dev.refshadow.agent.runtime.ThreadBuffers;
import dev.refshadow.agent.shadow.Shadow;
import dev.refshadow.analyzer.gc.GcCallback;
import dev.refshadow.analyzer.gc.GenerationStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code gc} module over the shadow heap. Every call is synchronous: the calling
 * thread's events, and everything other threads recorded before the call, are applied first.
 * Without the agent every method throws an {@link IllegalStateException} that says how to
 * attach it.
 */
public final class Gc {
    public static final int DEBUG_STATS = 1;
    public static final int DEBUG_COLLECTABLE = 2;
    public static final int DEBUG_UNCOLLECTABLE = 4;
    public static final int DEBUG_SAVEALL = 32;
    public static final int DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

    private Gc() {
    }

    /** A full collection; returns the number of unreachable objects found. */
    public static long collect() {
        return collect(2);
    }

    public static long collect(int generation) {
        if (generation < 0 || generation > 2) {
            throw new IllegalArgumentException("invalid generation " + generation + ": must be 0, 1 or 2");
        }
        long[] result = new long[1];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = s.analyzer.collect(generation);
            }
        });
        return result[0];
    }

    public static int[] getCount() {
        int[][] result = new int[1][];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = s.analyzer.gc.getCount();
            }
        });
        return ownedArray(result[0]);
    }

    public static int[] getThreshold() {
        int[][] result = new int[1][];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = s.analyzer.gc.getThreshold();
            }
        });
        return ownedArray(result[0]);
    }

    public static void setThreshold(int... thresholds) {
        int[] copy = thresholds.clone();
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                s.analyzer.gc.setThreshold(copy);
            }
        });
    }

    public static void enable() {
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                s.analyzer.gc.enable();
            }
        });
    }

    public static void disable() {
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                s.analyzer.gc.disable();
            }
        });
    }

    public static boolean isEnabled() {
        boolean[] result = new boolean[1];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = s.analyzer.gc.isEnabled();
            }
        });
        return result[0];
    }

    /** Per generation: {@code collections}, {@code collected}, {@code uncollectable}. */
    public static List<Map<String, Long>> getStats() {
        List<GenerationStats> stats = new ArrayList<>();
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                stats.addAll(s.analyzer.gc.getStats());
            }
        });
        List<Map<String, Long>> out = new ArrayList<>();
        for (GenerationStats g : stats) {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("collections", g.collections());
            m.put("collected", g.collected());
            m.put("uncollectable", g.uncollectable());
            out.add(m);
        }
        return out;
    }

    public static void freeze() {
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                s.analyzer.freeze();
            }
        });
    }

    public static void unfreeze() {
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                s.analyzer.unfreeze();
            }
        });
    }

    public static int getFreezeCount() {
        int[] result = new int[1];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = s.analyzer.getFreezeCount();
            }
        });
        return result[0];
    }

    public static boolean isTracked(Object o) {
        boolean[] result = new boolean[1];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = o != null && s.analyzer.isTracked(s.idOf(o));
            }
        });
        return result[0];
    }

    /** The shadow reference count; unlike {@code sys.getrefcount}, this call's own argument is not counted. */
    public static int getRefCount(Object o) {
        int[] result = new int[1];
        int thread = ThreadBuffers.currentThreadIndex();
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                int id = o == null ? 0 : s.idOf(o);
                result[0] = thread < 0 ? s.analyzer.getRefCount(id) : s.analyzer.getRefCount(thread, id);
            }
        });
        return result[0];
    }

    public static List<Object> getReferrers(Object... objects) {
        return objectsOf(new IdQuery() {
            @Override
            int[] run(Shadow s) {
                return s.analyzer.getReferrers(ids(s, objects));
            }
        });
    }

    public static List<Object> getReferents(Object... objects) {
        return objectsOf(new IdQuery() {
            @Override
            int[] run(Shadow s) {
                return s.analyzer.getReferents(ids(s, objects));
            }
        });
    }

    public static void setDebug(int flags) {
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                s.analyzer.gc.setDebug(flags);
            }
        });
    }

    public static int getDebug() {
        int[] result = new int[1];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result[0] = s.analyzer.gc.getDebug();
            }
        });
        return result[0];
    }

    /** {@code gc.garbage}: uncollectable objects, or every garbage object under DEBUG_SAVEALL. */
    public static List<Object> garbage() {
        return objectsOf(new IdQuery() {
            @Override
            int[] run(Shadow s) {
                return s.analyzer.garbage();
            }
        });
    }

    /** {@code gc.callbacks}: called with "start" or "stop" and the collection's info, on the analyzer thread. */
    public static List<GcCallback> callbacks() {
        List<List<GcCallback>> result = new ArrayList<>();
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                result.add(s.analyzer.gc.callbacks());
            }
        });
        return result.get(0);
    }

    /** A query answered with shadow ids, turned into the objects they stand for. */
    private abstract static class IdQuery {
        abstract int[] run(Shadow s);

        static int[] ids(Shadow s, Object[] objects) {
            int[] ids = new int[objects.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = s.idOf(objects[i]);
            }
            return ids;
        }
    }

    private static List<Object> objectsOf(IdQuery query) {
        Object[][] objects = new Object[1][];
        call(new Request() {
            @Override
            protected void run(Shadow s) {
                int[] found = query.run(s);
                Object[] out = new Object[found.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = s.objectOf(found[i]);
                }
                objects[0] = out;
            }
        });
        // Built by this thread, with recording on: the list is an ordinary allocation of the caller.
        List<Object> list = new ArrayList<>(objects[0].length);
        for (Object o : objects[0]) {
            list.add(o);
        }
        return list;
    }

    /** An array made here is an allocation of the calling thread, like any other. */
    private static int[] ownedArray(int[] values) {
        int[] copy = values.clone();
        Barrier.newArray(copy, 0);
        return copy;
    }

    private static void call(Request request) {
        AnalyzerThread analyzer = AnalyzerThread.get();
        if (analyzer == null) {
            throw new IllegalStateException("refshadow agent is not attached: start the JVM with "
                    + "-javaagent:/path/to/refshadow-agent.jar");
        }
        analyzer.call(request);
    }
}
