package dev.refshadow.analyzer.heap;

/**
 * A signed multiset of labelled edges, stored in one {@code int[]} per holder.
 *
 * <p>Layout: {@code block[0]} is the number of entries; entries of three ints
 * ({@code target, label, count}) follow. An entry whose target is 0 is empty, so every block is
 * iterated the same way:
 * <pre>for (int i = 1; i &lt; block.length; i += ENTRY) if (block[i] != 0) ...</pre>
 * Small blocks (up to {@link #LINEAR_MAX} entries, the case of almost every object) are packed
 * and searched linearly; larger ones (reference arrays, big maps' tables) are open-addressing
 * hash tables with linear probing and backward-shift deletion, so a store into a
 * million-element array costs O(1).
 *
 * <p>Counts are signed: a removal that arrives before its insertion leaves a count of -1 and
 * the later insertion cancels it. An entry is removed when its count returns to 0.
 */
public final class EdgeSet {
    public static final int ENTRY = 3;
    public static final int TARGET = 0;
    public static final int LABEL = 1;
    public static final int COUNT = 2;
    static final int LINEAR_MAX = 8;
    private static final int FIRST_HASH_CAPACITY = 32;

    private EdgeSet() {
    }

    public static int size(int[] block) {
        return block == null ? 0 : block[0];
    }

    static int capacity(int[] block) {
        return (block.length - 1) / ENTRY;
    }

    /**
     * Adds {@code delta} to the multiplicity of edge ({@code target}, {@code label}).
     * Returns the block to keep (a new one when it had to grow).
     */
    public static int[] add(int[] block, int target, int label, int delta) {
        if (block == null) {
            block = new int[1 + 2 * ENTRY];
        }
        int cap = capacity(block);
        if (cap <= LINEAR_MAX) {
            return addLinear(block, target, label, delta);
        }
        return addHashed(block, target, label, delta);
    }

    /** Multiplicity of edge (target, label), 0 when absent. */
    public static int count(int[] block, int target, int label) {
        if (block == null) {
            return 0;
        }
        int at = find(block, target, label);
        return at < 0 ? 0 : block[at + COUNT];
    }

    /** Sum of the multiplicities of all edges to {@code target}, whatever their label. */
    public static int countTo(int[] block, int target) {
        if (block == null) {
            return 0;
        }
        int total = 0;
        for (int i = 1; i < block.length; i += ENTRY) {
            if (block[i] == target) {
                total += block[i + COUNT];
            }
        }
        return total;
    }

    private static int find(int[] block, int target, int label) {
        int cap = capacity(block);
        if (cap <= LINEAR_MAX) {
            int end = 1 + block[0] * ENTRY;
            for (int i = 1; i < end; i += ENTRY) {
                if (block[i] == target && block[i + LABEL] == label) {
                    return i;
                }
            }
            return -1;
        }
        int mask = cap - 1;
        for (int slot = hash(target, label) & mask; ; slot = (slot + 1) & mask) {
            int i = 1 + slot * ENTRY;
            if (block[i] == 0) {
                return -1;
            }
            if (block[i] == target && block[i + LABEL] == label) {
                return i;
            }
        }
    }

    private static int[] addLinear(int[] block, int target, int label, int delta) {
        int size = block[0];
        int end = 1 + size * ENTRY;
        for (int i = 1; i < end; i += ENTRY) {
            if (block[i] == target && block[i + LABEL] == label) {
                int count = block[i + COUNT] + delta;
                if (count != 0) {
                    block[i + COUNT] = count;
                } else {
                    // Move the last entry into the hole, keeping the block packed.
                    int last = end - ENTRY;
                    block[i] = block[last];
                    block[i + LABEL] = block[last + LABEL];
                    block[i + COUNT] = block[last + COUNT];
                    block[last] = 0;
                    block[last + LABEL] = 0;
                    block[last + COUNT] = 0;
                    block[0] = size - 1;
                }
                return block;
            }
        }
        if (delta == 0) {
            return block;
        }
        int cap = capacity(block);
        if (size == cap) {
            if (cap < LINEAR_MAX) {
                block = java.util.Arrays.copyOf(block, 1 + 2 * cap * ENTRY);
            } else {
                return addHashed(rehash(block, FIRST_HASH_CAPACITY), target, label, delta);
            }
        }
        block[end] = target;
        block[end + LABEL] = label;
        block[end + COUNT] = delta;
        block[0] = size + 1;
        return block;
    }

    private static int[] addHashed(int[] block, int target, int label, int delta) {
        int mask = capacity(block) - 1;
        int slot = hash(target, label) & mask;
        while (true) {
            int i = 1 + slot * ENTRY;
            if (block[i] == 0) {
                break;
            }
            if (block[i] == target && block[i + LABEL] == label) {
                int count = block[i + COUNT] + delta;
                if (count != 0) {
                    block[i + COUNT] = count;
                } else {
                    removeHashed(block, slot);
                }
                return block;
            }
            slot = (slot + 1) & mask;
        }
        if (delta == 0) {
            return block;
        }
        if ((block[0] + 1) * 2 > capacity(block)) {
            return addHashed(rehash(block, capacity(block) * 2), target, label, delta);
        }
        int i = 1 + slot * ENTRY;
        block[i] = target;
        block[i + LABEL] = label;
        block[i + COUNT] = delta;
        block[0]++;
        return block;
    }

    /** Backward-shift deletion: no tombstones, so probe chains stay short. */
    private static void removeHashed(int[] block, int slot) {
        int mask = capacity(block) - 1;
        int hole = slot;
        int probe = slot;
        while (true) {
            probe = (probe + 1) & mask;
            int p = 1 + probe * ENTRY;
            if (block[p] == 0) {
                break;
            }
            int home = hash(block[p], block[p + LABEL]) & mask;
            // Move the entry at probe into the hole unless its home lies cyclically in (hole, probe].
            boolean stays = hole <= probe ? (home > hole && home <= probe) : (home > hole || home <= probe);
            if (!stays) {
                int h = 1 + hole * ENTRY;
                block[h] = block[p];
                block[h + LABEL] = block[p + LABEL];
                block[h + COUNT] = block[p + COUNT];
                hole = probe;
            }
        }
        int h = 1 + hole * ENTRY;
        block[h] = 0;
        block[h + LABEL] = 0;
        block[h + COUNT] = 0;
        block[0]--;
    }

    private static int[] rehash(int[] block, int newCapacity) {
        int[] grown = new int[1 + newCapacity * ENTRY];
        for (int i = 1; i < block.length; i += ENTRY) {
            if (block[i] != 0) {
                grown = addHashed(grown, block[i], block[i + LABEL], block[i + COUNT]);
            }
        }
        return grown;
    }

    private static int hash(int target, int label) {
        int h = target * 0x9E3779B1 + label * 0x85EBCA77;
        return h ^ (h >>> 15);
    }
}
