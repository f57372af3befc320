package dev.refshadow.analyzer.heap;

import java.util.Arrays;

/**
 * The call paths of application threads, shared in one trie: a path is a method (a site id such
 * as {@code com.acme.Main.run(Main.java)}) called from a shorter path. Paths are dense int nodes;
 * node 0 is the empty path, a thread outside any frame. Each frame of {@link ThreadFrames} holds
 * its node, so the current path of a thread is one int at every event, and an object's last
 * decrement remembers it in one int.
 *
 * <p>Entering a frame is one lookup of (caller node, method) in an open-addressing index
 * (linear probing; paths are never removed, so no tombstones); nothing is allocated except
 * when the arrays grow.
 */
public final class CallPaths {
    private int[] callers = new int[1024];
    private int[] methods = new int[1024];
    private int[] depths = new int[1024];
    private int count = 1;
    /** Node ids by hash of (caller, method), 0 for a free slot; at most half full. */
    private int[] index = new int[2048];

    /** The path of {@code method} called from {@code caller}, created on first use. */
    public int enter(int caller, int method) {
        int mask = index.length - 1;
        for (int slot = hash(caller, method) & mask; ; slot = (slot + 1) & mask) {
            int node = index[slot];
            if (node == 0) {
                return add(caller, method, slot);
            }
            if (callers[node] == caller && methods[node] == method) {
                return node;
            }
        }
    }

    /** The path {@code node} was called from; 0 for an outermost frame. */
    public int caller(int node) {
        return callers[node];
    }

    /** The method of the innermost frame of {@code node}; 0 when the frame did not name it. */
    public int method(int node) {
        return methods[node];
    }

    /** The number of frames of {@code node}. */
    public int depth(int node) {
        return depths[node];
    }

    private int add(int caller, int method, int slot) {
        if (count == callers.length) {
            int grown = count * 2;
            callers = Arrays.copyOf(callers, grown);
            methods = Arrays.copyOf(methods, grown);
            depths = Arrays.copyOf(depths, grown);
        }
        int node = count++;
        callers[node] = caller;
        methods[node] = method;
        depths[node] = depths[caller] + 1;
        index[slot] = node;
        if (count * 2 > index.length) {
            rehash(index.length * 2);
        }
        return node;
    }

    private void rehash(int capacity) {
        index = new int[capacity];
        int mask = capacity - 1;
        for (int node = 1; node < count; node++) {
            int slot = hash(callers[node], methods[node]) & mask;
            while (index[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            index[slot] = node;
        }
    }

    private static int hash(int caller, int method) {
        int h = caller * 0x9E3779B1 + method * 0x85EBCA77;
        return h ^ (h >>> 15);
    }
}
