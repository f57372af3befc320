package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seed example: a reference count rising and falling. The object goes into a list and a map
 * ({@code b = [a]; c = {'key': a}}), gets three more names ({@code x = y = z = a}), is passed to
 * a function, and loses them again. {@code Gc.getRefCount} does not count its own argument, so
 * each figure is {@code sys.getrefcount(...) - 1}. Python twin:
 * {@code samples/python/ref_count_walkthrough.py}.
 */
public final class RefCountWalkthrough {
    static final class MyObject {
        Object data;
    }

    private RefCountWalkthrough() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(RefCountWalkthrough.class);

        MyObject a = new MyObject();
        f.put("created", Gc.getRefCount(a));
        List<Object> b = new ArrayList<>();
        b.add(a);
        Map<String, Object> c = new HashMap<>();
        c.put("key", a);
        f.put("in.list.and.map", Gc.getRefCount(a));
        b = null;
        f.put("list.dropped", Gc.getRefCount(a));
        c = null;
        f.put("map.dropped", Gc.getRefCount(a));

        MyObject x = a;
        MyObject y = a;
        MyObject z = a;
        f.put("three.more.names", Gc.getRefCount(a));
        x = null;
        y = null;
        z = null;
        f.put("names.dropped", Gc.getRefCount(a));

        f.put("inside.a.call", countInside(a)); // the caller's variable and the parameter
        f.put("after.the.call", Gc.getRefCount(a));
        a = null;
        f.put("collected", Gc.collect()); // nothing: every count reached 0
        f.print();
    }

    static long countInside(MyObject obj) {
        return Gc.getRefCount(obj);
    }
}
