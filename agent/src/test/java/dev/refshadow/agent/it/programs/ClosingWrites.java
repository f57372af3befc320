package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;

/**
 * Cycles whose last external reference is dropped inside helper methods, for the call stacks
 * of the report's closing writes: {@code main -> dropThroughHelpers -> Holder.reset ->
 * Holder.clear} (clear is a leaf method: it records no frame, its store names its line) and
 * {@code main -> dropInFrame -> Holder.replace} (the store is made in a recorded frame).
 */
public final class ClosingWrites {
    abstract static class Node {
        Node next;
    }

    static final class Leaf extends Node {
    }

    static final class Framed extends Node {
    }

    static final class Holder {
        Object ring;

        void reset() {
            clear();
        }

        void clear() {
            ring = null;
        }

        void replace() {
            ring = null;
            Gc.isEnabled();
        }
    }

    private ClosingWrites() {
    }

    static Object ring(Node a, Node b) {
        a.next = b;
        b.next = a;
        return a;
    }

    static void dropThroughHelpers(Holder holder) {
        holder.reset();
    }

    static void dropInFrame(Holder holder) {
        holder.replace();
    }

    public static void main(String[] args) {
        Holder first = new Holder();
        first.ring = ring(new Leaf(), new Leaf());
        dropThroughHelpers(first);
        Holder second = new Holder();
        second.ring = ring(new Framed(), new Framed());
        dropInFrame(second);
        Out.put("collected", Gc.collect() >= 4);
        Out.print();
    }
}
