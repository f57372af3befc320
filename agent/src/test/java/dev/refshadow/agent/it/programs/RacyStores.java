package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.util.concurrent.CountDownLatch;

/**
 * Threads racing on the same places without synchronisation: a plain field, a volatile field
 * and an Object[] slot. Each store's old value must be the one it replaced, or a node is
 * released twice (or never); after the joins every count is exact. The expected figure is in the
 * comment at the end of each line.
 */
public final class RacyStores {
    static final class Node {
        Object plain;
        volatile Object shared;
    }

    static final int WORKERS = 4;
    static final int NODES = 32;
    static final int ROUNDS = 200_000;

    /** One worker: random nodes into random places, racing with the others. */
    static final class Racer implements Runnable {
        final Node[] nodes;
        final Object[] slots;
        final CountDownLatch start;
        final XorShift random;

        Racer(int seed, Node[] nodes, Object[] slots, CountDownLatch start) {
            this.random = new XorShift(seed);
            this.nodes = nodes;
            this.slots = slots;
            this.start = start;
        }

        int next(int bound) {
            return random.next(bound);
        }

        @Override
        public void run() {
            try {
                start.await();
            } catch (InterruptedException e) {
                return;
            }
            for (int r = 0; r < ROUNDS; r++) {
                Node n = nodes[next(NODES)];
                switch (next(3)) {
                    case 0 -> nodes[next(NODES)].plain = n;
                    case 1 -> nodes[next(NODES)].shared = n;
                    default -> slots[next(NODES)] = n;
                }
            }
        }
    }

    private RacyStores() {
    }

    public static void main(String[] args) throws InterruptedException {
        Out.begin(Node.class, Racer.class);
        try {
            run();
        } finally {
            Out.print();
        }
    }

    static void run() throws InterruptedException {
        Node[] nodes = new Node[NODES];
        for (int i = 0; i < NODES; i++) {
            nodes[i] = new Node();
        }
        Object[] slots = new Object[NODES];
        CountDownLatch start = new CountDownLatch(1);
        Thread[] racers = new Thread[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            racers[i] = new Thread(new Racer(0x9E3779B9 * (i + 1), nodes, slots, start));
            racers[i].start();
        }
        start.countDown();
        for (int i = 0; i < WORKERS; i++) {
            racers[i].join();
        }
        racers = null;
        long mismatches = 0;
        for (int i = 0; i < NODES; i++) {
            Node n = nodes[i];
            int expected = 2; // nodes[i], n
            for (int j = 0; j < NODES; j++) {
                expected += nodes[j].plain == n ? 1 : 0;
                expected += nodes[j].shared == n ? 1 : 0;
                expected += slots[j] == n ? 1 : 0;
            }
            mismatches += Gc.getRefCount(n) == expected ? 0 : 1;
        }
        Out.put("racy.rc.mismatches", mismatches); // 0
    }
}
