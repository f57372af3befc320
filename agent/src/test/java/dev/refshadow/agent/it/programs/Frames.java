package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.util.HashMap;
import java.util.List;

/**
 * Local variables, arguments, frame exit (normal and exceptional), slots reused by a primitive,
 * and operand-stack temporaries: a fresh object stored into a local, passed as an argument,
 * returned to a caller, or left on the stack while a call allocates and collects. The expected
 * figure is in the comment at the end of each line.
 */
public final class Frames {
    static final class Node {
        Object ref;
    }

    static final class Key {
        Object unused;
    }

    /** Four tracked allocations in a row: with threshold 1, at least one of them runs a collection. */
    static final class Value {
        Object a = new Object[1];
        Object b = new Object[1];
        Object c = new Object[1];
    }

    /** Its constructor allocates: it runs while the previous argument sits on the caller's stack. */
    static final class Allocating {
        Object array = new Object[1];
    }

    private static final IllegalStateException STOP = new IllegalStateException("stop");
    static int seen;

    private Frames() {
    }

    public static void main(String[] args) {
        Out.begin(Node.class, Key.class, Value.class, Allocating.class);
        try {
            locals();
            arguments(args.length + 7);
            returns();
            stackTemporaries();
            uninstrumentedCallee();
        } finally {
            Out.print();
        }
    }

    static void locals() {
        Node a = new Node();
        Out.put("local.new", Gc.getRefCount(a)); // 1
        Node b = a;
        Out.put("local.copy", Gc.getRefCount(a)); // 2
        b = null;
        Out.put("local.cleared", Gc.getRefCount(a)); // 1
        Out.put("local.tracked", Gc.isTracked(a)); // 1
        Out.put("local.dropped.collected", Gc.collect()); // 0
    }

    static void arguments(int number) {
        Node a = new Node();
        Out.put("argument.local", refCountOf(a)); // 2: a, the parameter
        Out.put("argument.fresh", refCountOf(new Node())); // 1: the parameter only
        Out.put("argument.after", Gc.getRefCount(a)); // 1
        Out.put("frame.locals.inside", twoCopies(a)); // 4: a, the parameter, two locals
        Out.put("frame.exit", Gc.getRefCount(a)); // 1
        try {
            throwsThroughTwoFrames(a);
        } catch (IllegalStateException e) {
            Out.put("frame.exceptional.inside", seen); // 5: a; a parameter and a local in each of two frames
        }
        Out.put("frame.exceptional", Gc.getRefCount(a)); // 1
        Out.put("slot.reference", primitiveReusesSlot(a, number)); // 2: a, the parameter
        Out.put("slot.reference.before", seen); // 3: a, the parameter, the block's local
    }

    static int refCountOf(Object o) {
        return Gc.getRefCount(o);
    }

    static int twoCopies(Node n) {
        Node x = n;
        Node y = n;
        return Gc.getRefCount(n) + (x == y ? 0 : 100);
    }

    static void throwsThroughTwoFrames(Node n) {
        Node x = n;
        throwsHere(x);
    }

    static void throwsHere(Node n) {
        Node y = n;
        seen = Gc.getRefCount(y); // 5: a; outer parameter and local; inner parameter and local
        throw STOP;
    }

    /** javac gives {@code x} the slot that {@code copy} had: the istore must release the reference. */
    static int primitiveReusesSlot(Node n, int number) {
        {
            Node copy = n;
            seen = Gc.getRefCount(copy);
        }
        int x = number * 2;
        return Gc.getRefCount(n) + (x > 0 ? 0 : 100);
    }

    static void returns() {
        Node made = make();
        Out.put("return.fresh", Gc.getRefCount(made)); // 1
        Node viaLocal = makeViaLocal();
        Out.put("return.local", Gc.getRefCount(viaLocal)); // 1
        Node passed = pass(make());
        Out.put("return.passed", Gc.getRefCount(passed)); // 1
        Node field = new Node();
        field.ref = make();
        Out.put("return.field", Gc.getRefCount(field.ref)); // 1
        make(); // discarded: freed at once, nothing left for the collector
        Out.put("return.discarded.collected", Gc.collect()); // 0
    }

    static Node make() {
        return new Node();
    }

    static Node makeViaLocal() {
        Node n = new Node();
        return n;
    }

    static Node pass(Node n) {
        return n;
    }

    /**
     * With threshold 1 every tracked allocation runs a collection: objects that sit only on an
     * operand stack must survive them.
     */
    static void stackTemporaries() {
        HashMap<Key, Value> map = new HashMap<>();
        map.put(new Key(), new Value()); // warm-up: HashMap code and classes
        map.clear();
        Out.begin();
        Gc.setDebug(Gc.DEBUG_SAVEALL);
        Gc.setThreshold(1);
        int collectionsBefore = collections();
        // The Key sits on the operand stack while "new Value()" runs collections.
        map.put(new Key(), new Value());
        Out.put("stack.collections", collections() > collectionsBefore); // 1
        Out.put("stack.map.key.garbage", Out.garbageCount(Key.class)); // 0
        Out.put("stack.map.value.garbage", Out.garbageCount(Value.class)); // 0
        // The first argument sits on the stack while churn() allocates (and collects) 200 cycles.
        Out.put("stack.argument.inside", firstArgument(new Node(), churn(200))); // 1
        Out.put("stack.argument.tracked", seen); // 1
        // The first argument sits on the stack while the second one's constructor allocates.
        keepFirst(new Node(), new Allocating());
        Out.put("stack.argument.constructor", Gc.getRefCount(kept)); // 1: kept
        kept = null;
        Gc.setThreshold(700, 10, 10);
        Gc.collect();
        Out.put("stack.churn.garbage", Out.garbageCount(Node.class)); // 200: the cycles, not the argument
        Gc.setDebug(0);
        Key key = map.keySet().iterator().next();
        Out.put("stack.map.key.rc", Gc.getRefCount(key)); // 2: key, the HashMap node
        Out.put("stack.map.value.rc", Gc.getRefCount(map.get(key))); // 1: the HashMap node
    }

    static Object kept;

    static void keepFirst(Object first, Object second) {
        kept = first;
    }

    /** Temporaries handed to the Gc API (not instrumented): its varargs array and the list it returns. */
    static void uninstrumentedCallee() {
        Node key = new Node();
        Node holder = new Node();
        holder.ref = key;
        List<Object> referrers = Gc.getReferrers(key); // javac passes new Object[] {key}
        Out.put("gcapi.referrers.holder", referrers.contains(holder)); // 1
        Out.put("gcapi.result.rc", Gc.getRefCount(referrers)); // 1: the local
        Out.put("gcapi.result.holder", Gc.getRefCount(holder)); // 2: holder, the list's element
        referrers = null;
        Out.put("gcapi.result.dropped", Gc.getRefCount(holder)); // 1: the list is gone
        Out.put("gcapi.varargs.dropped", Gc.getRefCount(key)); // 2: key, holder.ref; the varargs array is gone
    }

    static int collections() {
        return (int) (long) Gc.getStats().get(0).get("collections");
    }

    static int churn(int n) {
        for (int i = 0; i < n; i++) {
            Node self = new Node();
            self.ref = self;
        }
        return n;
    }

    static int firstArgument(Node first, int ignored) {
        seen = Gc.isTracked(first) ? 1 : 0;
        return Gc.getRefCount(first);
    }
}
