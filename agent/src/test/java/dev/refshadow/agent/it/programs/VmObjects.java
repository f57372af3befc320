package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.ref.SoftReference;
import java.lang.ref.WeakReference;

/**
 * Objects the bytecode does not fully show: inner classes ({@code this$0} stored before
 * {@code super()}), lambdas (hidden classes, found by discovery), objects created before the
 * agent started, weak referents, and what the VM itself holds (live threads, classes, class
 * loaders). The expected figure is in the comment at the end of each line.
 */
public final class VmObjects {
    static final class Node {
        Object ref;
    }

    static final class Outer {
        Object field;

        final class Inner {
            Object unused;
        }
    }

    static final class Holder {
        Runnable task;
        int hits;

        void arm() {
            task = () -> hits++;
        }
    }

    /** Loaded only by {@link #pinnedClass()}. */
    static final class Lonely {
    }

    /** Defined again by an {@link IsolatedLoader} in {@link #pinnedLoader()}. */
    static final class Defined {
    }

    static final class IsolatedLoader extends ClassLoader {
        Object keep;

        IsolatedLoader() {
            super(null);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }

    private VmObjects() {
    }

    public static void main(String[] args) throws Exception {
        Out.begin(Node.class, Outer.class, Outer.Inner.class, Holder.class, IsolatedLoader.class);
        try {
            innerClass();
            lambda();
            beforeTheAgent();
            weakReferents();
            pinnedThread();
            pinnedClass();
            pinnedLoader();
        } finally {
            Out.print();
        }
    }

    static void innerClass() {
        Outer outer = new Outer();
        Outer.Inner inner = outer.new Inner();
        Out.put("inner.outer.rc", Gc.getRefCount(outer)); // 2: outer, inner.this$0
        Out.put("inner.rc", Gc.getRefCount(inner)); // 1
        outer.field = inner;
        inner = null;
        outer = null;
        Out.put("inner.cycle.collected", Gc.collect()); // 2
    }

    static void lambda() {
        new Holder().arm(); // links the call site (JDK-internal objects); flushed below
        Out.begin();
        Holder holder = new Holder();
        holder.arm();
        Out.put("lambda.holder.rc", Gc.getRefCount(holder)); // 2: holder, the lambda's captured this
        Out.put("lambda.rc", Gc.getRefCount(holder.task)); // 1
        Out.put("lambda.tracked", Gc.isTracked(holder.task)); // 1
        holder = null;
        Out.put("lambda.cycle.collected", Gc.collect()); // 2: the holder and its lambda
    }

    static void beforeTheAgent() {
        PrintStream out = System.out; // made during VM initialisation, before the agent's premain
        int before = Gc.getRefCount(out);
        Node node = new Node();
        node.ref = out;
        Out.put("preagent.stored.delta", Gc.getRefCount(out) - before); // 1
        node.ref = null;
        Out.put("preagent.cleared.delta", Gc.getRefCount(out) - before); // 0
        Out.put("preagent.positive", before > 0); // 1: at least System.out and the local
        Out.put("preagent.tracked", Gc.isTracked(out)); // 1
        Out.put("preagent.referents", !Gc.getReferents(out).isEmpty()); // 1: its discovered fields
    }

    static void weakReferents() {
        Node target = new Node();
        WeakReference<Node> weak = new WeakReference<>(target);
        SoftReference<Node> soft = new SoftReference<>(target);
        Out.put("weak.referent.rc", Gc.getRefCount(target)); // 1: weak and soft referents do not count
        target.ref = weak;
        Out.put("weak.reference.rc", Gc.getRefCount(weak)); // 2
        target = null; // freed by refcount: the referent edge back to it is weak
        weak = null;
        soft = null;
        Out.put("weak.cycle.collected", Gc.collect()); // 0
    }

    /** main's Thread object is held by the VM, not by any frame: a cycle through it is not garbage. */
    static void pinnedThread() {
        ThreadLocal<Object> local = new ThreadLocal<>();
        Node node = new Node();
        node.ref = Thread.currentThread();
        local.set(node); // Thread.threadLocals -> ... -> node -> the Thread
        node = null;
        local = null; // the entry's key is weak: only the Thread holds the node now
        Out.put("pinned.thread.garbage", Out.collectCounting(Node.class)); // 0
        Out.put("pinned.thread.self.garbage", Out.garbageCount(Thread.class)); // 0
    }

    /** A cycle through a Class object (its ClassValue map) is not garbage: classes are pinned. */
    static void pinnedClass() {
        ClassValue<Node> values = new ClassValue<Node>() {
            @Override
            protected Node computeValue(Class<?> type) {
                Node node = new Node();
                node.ref = type;
                return node;
            }
        };
        Out.put("pinned.class.value", values.get(Lonely.class) != null); // 1
        values = null;
        Out.put("pinned.class.garbage", Out.collectCounting(Node.class)); // 0
        Out.put("pinned.class.self.garbage", Out.garbageCount(Class.class)); // 0
    }

    /** loader -> node -> class -> (its loader) loader: class loaders are pinned. */
    static void pinnedLoader() throws Exception {
        String name = Defined.class.getName();
        byte[] bytes;
        try (InputStream in = VmObjects.class.getResourceAsStream("VmObjects$Defined.class")) {
            bytes = in.readAllBytes();
        }
        IsolatedLoader loader = new IsolatedLoader();
        Class<?> defined = loader.define(name, bytes);
        Node node = new Node();
        node.ref = defined;
        loader.keep = node;
        Out.put("pinned.loader.defined", defined.getClassLoader() == loader); // 1
        defined = null;
        node = null;
        loader = null;
        Out.put("pinned.loader.garbage", Out.collectCounting(IsolatedLoader.class)); // 0
        Out.put("pinned.loader.node.garbage", Out.garbageCount(Node.class)); // 0
    }
}
