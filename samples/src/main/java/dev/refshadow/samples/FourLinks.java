package dev.refshadow.samples;

import dev.refshadow.Gc;

/**
 * Seed example, from the talk "Python Memory Understanding" (Conf42 Python 2021): link1 -> link2
 * -> link3 -> link1, reachable from the variable {@code a}, and link4 holding itself. The first
 * collection finds link4 only; once {@code a} goes, the next one finds the other three.
 * Python twin: {@code samples/python/four_links.py}.
 */
public final class FourLinks {
    static final class Link {
        Link next;
    }

    private FourLinks() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(FourLinks.class);

        Link link1 = new Link();
        Link link2 = new Link();
        Link link3 = new Link();
        Link link4 = new Link();
        link1.next = link2;
        link2.next = link3;
        link3.next = link1;
        link4.next = link4;
        Link a = link1;
        link1 = null;
        link2 = null;
        link3 = null;
        link4 = null;
        // The talk's gc_refs before the scan: link1 is referenced from outside (a) and by link3.
        f.put("refcount.link1", Gc.getRefCount(a));
        f.put("refcount.link2", Gc.getRefCount(a.next));
        f.put("refcount.link3", Gc.getRefCount(a.next.next));
        f.put("collected.first", Gc.collect()); // link4
        a = null;
        f.put("collected.second", Gc.collect()); // link1, link2, link3
        f.print();
    }
}
