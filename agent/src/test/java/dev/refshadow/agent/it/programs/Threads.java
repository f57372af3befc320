package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Several threads: a thread that ends before the collection (its events still count), and
 * threads mutating shared structures while the main thread collects. The workload makes no
 * cycle, so any Node found as garbage is a false leak; after the joins every count must be
 * exact. The expected figure is in the comment at the end of each line.
 */
public final class Threads {
    static final class Node {
        Object ref;
        volatile Object shared;
    }

    static final int WORKERS = 4;
    static final int NODES = 64;
    static final int SLOTS = 32;
    /** Upper bound of each worker's rounds; they stop earlier once the main thread has collected enough. */
    static final int MAX_ROUNDS = 500_000;
    static final int COLLECTIONS = 10;
    static volatile boolean stop;

    /** Makes a self-cycle and hands one object to the main thread, then ends. */
    static final class EndsEarly implements Runnable {
        final Object[] out;

        EndsEarly(Object[] out) {
            this.out = out;
        }

        @Override
        public void run() {
            Node cycle = new Node();
            cycle.ref = cycle;
            Node handed = new Node();
            out[0] = handed;
        }
    }

    /** Moves the shared nodes between shared places, racing with the other workers. */
    static final class Mutator implements Runnable {
        final Node[] nodes;
        final Object[] slots;
        final ArrayList<Object> list;
        final ConcurrentHashMap<Integer, Object> map;
        final Node shared;
        final CountDownLatch start;
        final XorShift random;

        Mutator(int seed, Node[] nodes, Object[] slots, ArrayList<Object> list, ConcurrentHashMap<Integer, Object> map,
                Node shared, CountDownLatch start) {
            this.random = new XorShift(seed);
            this.nodes = nodes;
            this.slots = slots;
            this.list = list;
            this.map = map;
            this.shared = shared;
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
            for (int r = 0; r < MAX_ROUNDS && !stop; r++) {
                Node n = nodes[next(NODES)];
                switch (next(5)) {
                    case 0:
                        synchronized (slots) {
                            slots[next(SLOTS)] = n;
                        }
                        break;
                    case 1:
                        map.put(next(16), n);
                        break;
                    case 2:
                        shared.shared = n;
                        break;
                    case 3:
                        synchronized (list) {
                            if (list.size() < 40) {
                                list.add(n);
                            } else {
                                list.remove(next(list.size()));
                            }
                        }
                        break;
                    default:
                        nodes[next(NODES)].ref = n; // unsynchronised field stores from every thread
                        break;
                }
            }
        }
    }

    private Threads() {
    }

    public static void main(String[] args) throws InterruptedException {
        Out.begin(Node.class, EndsEarly.class, Mutator.class);
        try {
            endsEarly();
            concurrent();
        } finally {
            Out.print();
        }
    }

    static void endsEarly() throws InterruptedException {
        Object[] out = new Object[1];
        Thread thread = new Thread(new EndsEarly(out));
        thread.start();
        thread.join();
        thread = null;
        Out.put("ended.handed.rc", Gc.getRefCount(out[0])); // 1: out[0]; the thread's frames are gone
        Out.put("ended.runnable.released", Gc.getRefCount(out)); // 1: out; Thread.exit() dropped the EndsEarly
        Out.put("ended.cycle.garbage", Out.collectCounting(Node.class)); // 1: the self-cycle it left
    }

    static void concurrent() throws InterruptedException {
        Node[] nodes = new Node[NODES];
        for (int i = 0; i < NODES; i++) {
            nodes[i] = new Node();
        }
        Object[] slots = new Object[SLOTS];
        ArrayList<Object> list = new ArrayList<>();
        ConcurrentHashMap<Integer, Object> map = new ConcurrentHashMap<>();
        Node shared = new Node();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[WORKERS];
        for (int i = 0; i < WORKERS; i++) {
            workers[i] = new Thread(new Mutator(0x9E3779B9 * (i + 1), nodes, slots, list, map, shared, start));
            workers[i].start();
        }
        int debug = Gc.getDebug();
        Gc.setDebug(Gc.DEBUG_SAVEALL); // a false leak is kept in Gc.garbage(), not cleared
        long garbageBefore = Out.garbageCount(Node.class); // endsEarly()'s self-cycle is there already
        start.countDown();
        long collections = 0;
        while (collections < COLLECTIONS && alive(workers)) {
            Gc.collect(0);
            Gc.collect();
            collections++;
        }
        stop = true;
        joinAll(workers);
        workers = null; // the Thread objects go, and the Mutators they held
        Gc.collect();
        Out.put("concurrent.collections.during", collections); // 10, unless the workers ran out of rounds first
        Out.put("concurrent.false.garbage", Out.garbageCount(Node.class) - garbageBefore); // 0
        Gc.setDebug(debug);

        // After the joins every count is exact. Index loops only: a stale loop variable would hold a node.
        long mismatches = 0;
        for (int i = 0; i < NODES; i++) {
            Node n = nodes[i];
            int expected = 2; // nodes[i], n
            for (int j = 0; j < SLOTS; j++) {
                expected += slots[j] == n ? 1 : 0;
            }
            for (int j = 0; j < list.size(); j++) {
                expected += list.get(j) == n ? 1 : 0;
            }
            for (int k = 0; k < 16; k++) {
                expected += map.get(k) == n ? 1 : 0;
            }
            for (int j = 0; j < NODES; j++) {
                expected += nodes[j].ref == n ? 1 : 0;
            }
            expected += shared.shared == n ? 1 : 0;
            mismatches += Gc.getRefCount(n) == expected ? 0 : 1;
        }
        Out.put("concurrent.rc.mismatches", mismatches); // 0
        Out.put("concurrent.shared.rc", Gc.getRefCount(shared)); // 1: the local; threads and Mutators are gone
    }

    static void joinAll(Thread[] threads) throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    static boolean alive(Thread[] threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
