package dev.refshadow.report;

/** Reports of known content, made by running small programs through the analyzer. */
final class SampleReports {
    static final String ALLOC = "com.acme.Main.build(Main.java:10)";
    static final String CLOSE = "com.acme.Main.run(Main.java:20)";

    private SampleReports() {
    }

    /** Four groups: Apple/Zebra parent links (5 objects), a 3-ring, a lambda listener, and three 1-rings. */
    static Report leaky() {
        LeakProgram p = new LeakProgram();
        parentAndChildren(p);
        p.ring(0, "com.acme.Link", 3, ALLOC);
        p.clear(0, CLOSE);
        int button = p.local(0, "com.acme.Button", "com.acme.Ui.<init>(Ui.java:5)");
        int lambda = p.local(1, "com.acme.Ui$$Lambda$14/0x0000000800c03000", null);
        p.set(button, "com.acme.Button.listener", lambda);
        p.set(lambda, "com.acme.Ui$$Lambda$14/0x0000000800c03000.arg$1", button);
        p.clear(1, null);
        p.exitFrame("com.acme.Ui.show(Ui.java:9)");
        for (int i = 0; i < 3; i++) {
            int self = p.local(0, "com.acme.Self", ALLOC);
            p.set(self, "com.acme.Self.me", self);
            p.clear(0, CLOSE);
        }
        p.collect();
        return p.report();
    }

    /** Apple.items -> Object[] -> 3 Zebras, each Zebra.parent -> Apple. */
    static void parentAndChildren(LeakProgram p) {
        int apple = p.local(0, "com.acme.Apple", ALLOC);
        int items = p.local(1, "java.lang.Object[]", ALLOC);
        p.set(apple, "com.acme.Apple.items", items);
        for (int i = 0; i < 3; i++) {
            int zebra = p.local(2, "com.acme.Zebra", "com.acme.Zebra.<init>(Zebra.java:3)");
            p.add(items, zebra);
            p.set(zebra, "com.acme.Zebra.parent", apple);
        }
        p.clear(2, null);
        p.clear(1, null);
        p.clear(0, CLOSE);
    }

    /**
     * One 2-ring dropped by {@code holder.ring = null} in a leaf method called from 40 frames of
     * {@code Tree.walk} under {@code Main.main}: a stack longer than a report keeps.
     */
    static Report deepStack() {
        LeakProgram p = new LeakProgram();
        p.call("com.acme.Main.main(Main.java)");
        int holder = p.local(0, "com.acme.Holder", ALLOC);
        p.set(holder, "com.acme.Holder.ring", p.ring(1, "com.acme.Link", 2, ALLOC));
        p.clear(1, null);
        for (int i = 0; i < 40; i++) {
            p.call("com.acme.Tree.walk(Tree.java)");
        }
        p.set(holder, "com.acme.Holder.ring", 0, "com.acme.Tree.cut(Tree.java:30)");
        p.collect();
        return p.report();
    }

    /** A run without cyclic garbage. */
    static Report clean() {
        LeakProgram p = new LeakProgram();
        p.local(0, "com.acme.Link", ALLOC);
        p.clear(0, CLOSE);
        p.collect();
        return p.report();
    }

    /** Two groups in opposite orders by objects and by bytes: six light objects, two heavy ones. */
    static Report weighted() {
        LeakProgram p = new LeakProgram();
        p.bytes.put("com.acme.Heavy", 1000L);
        p.ring(0, "com.acme.Light", 6, ALLOC);
        p.clear(0, CLOSE);
        p.ring(0, "com.acme.Heavy", 2, ALLOC);
        p.clear(0, CLOSE);
        p.collect();
        return p.report();
    }

    /** {@code n} groups: rings of {@code 1 + i % 7} objects of a class of their own. */
    static Report many(int n) {
        LeakProgram p = new LeakProgram();
        for (int i = 0; i < n; i++) {
            p.ring(0, "com.acme.gen.Class" + i, 1 + i % 7, ALLOC);
            p.clear(0, CLOSE);
        }
        p.collect();
        return p.report();
    }
}
