package dev.refshadow.samples;

import dev.refshadow.Gc;

/**
 * Seed example: an object holding itself ({@code a = MyClass(); a.obj = a; del a}), and the
 * collector's thresholds ({@code gc.get_threshold()}, {@code gc.set_threshold(1000, 15, 15)}).
 * Python twin: {@code samples/python/self_reference.py}.
 */
public final class SelfReference {
    static final class MyClass {
        Object obj;
    }

    private SelfReference() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(SelfReference.class);
        int[] threshold = Gc.getThreshold();
        f.put("threshold.0", threshold[0]).put("threshold.1", threshold[1]).put("threshold.2", threshold[2]);

        MyClass a = new MyClass();
        a.obj = a;
        f.put("refcount", Gc.getRefCount(a)); // the variable and a.obj
        a = null;
        f.put("collected", Gc.collect()); // the instance: its count never reached 0

        Gc.setThreshold(1000, 15, 15);
        threshold = Gc.getThreshold();
        f.put("threshold.changed.0", threshold[0]).put("threshold.changed.1", threshold[1])
                .put("threshold.changed.2", threshold[2]);
        f.print();
    }
}
