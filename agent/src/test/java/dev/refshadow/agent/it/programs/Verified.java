package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;

/**
 * Run with {@code verify=...}: one thread drops acyclic chains (freed by refcount) and two-node
 * cycles (cyclic garbage), then the JVM collects. The shadow must agree with the JVM on every
 * watched object.
 */
public final class Verified {
    static final class Node {
        Node next;
        Object payload;
    }

    private static final int ROUNDS = 2000;

    private Verified() {
    }

    public static void main(String[] args) {
        Out.begin(Node.class);
        for (int i = 0; i < ROUNDS; i++) {
            dropChain();
            dropCycle();
        }
        System.gc();
        Out.put("collected", Gc.collect() > 0);
        Out.print();
    }

    private static void dropChain() {
        Node head = new Node();
        head.next = new Node();
        head.next.payload = new int[4];
    }

    private static void dropCycle() {
        Node a = new Node();
        Node b = new Node();
        a.next = b;
        b.next = a;
        a.payload = new Object[] {b};
    }
}
