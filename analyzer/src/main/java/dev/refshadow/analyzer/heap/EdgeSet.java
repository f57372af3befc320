package dev.refshadow.analyzer.heap;

import java.util.Arrays;

/**
 * A signed multiset of labelled edges, stored in one {@code int[]} per holder.
 *
 * <p>Layout: {@code block[0]} is a header; entries of three ints ({@code target, label, count})
 * follow, up to the end of the block. An entry whose target is 0 is empty, so every block is
 * iterated the same way:
 * <pre>for (int i = 1; i &lt; block.length; i += ENTRY) if (block[i] != 0) ...</pre>
 * Every non-empty entry lies below {@link #end(block)}, so an iteration may stop there.
 *
 * <p>Small blocks (up to {@link #LINEAR_MAX} entries, the case of almost every object) are packed,
 * searched linearly, and {@code block[0]} is their number of entries. Larger ones (reference
 * arrays, big maps' tables) are <em>indexed</em>, like CPython's compact dict: the entries are kept
 * in insertion order (a removal leaves a hole, an empty entry), {@code block[0]} is the number of
 * entry slots used so far, holes included, and an open-addressing hash index (linear probing,
 * tombstones) follows the entries, so a store into a million-element array costs O(1). The index
 * lives in the label and count ints of entries whose target is 0, so the iteration above skips
 * it. Insertion order keeps an array filled in index order in that order, which is the order
 * CPython's {@code tp_traverse} of a list visits, and walks the object table in order when the
 * elements were allocated in order.
 *
 * <p>Counts are signed: a removal that arrives before its insertion leaves a count of -1 and
 * the later insertion cancels it. An entry is removed when its count returns to 0. Below
 * {@link #end(block)}, empty entries hold 0 in all three ints.
 */
public final class EdgeSet {
    public static final int ENTRY = 3;
    public static final int TARGET = 0;
    public static final int LABEL = 1;
    public static final int COUNT = 2;
    static final int LINEAR_MAX = 8;
    /** Entry capacity of a new indexed block (a power of two above {@link #LINEAR_MAX}). */
    private static final int FIRST_INDEXED_CAPACITY = 16;
    /** The longest linear block. */
    private static final int LINEAR_LENGTH_MAX = 1 + LINEAR_MAX * ENTRY;

    // An indexed block of capacity cap (entries): [0] used, cap entries from 1, then at
    // base = 1 + cap * ENTRY a header entry {0, size, tombstones}, then cap entries {0, slot, slot}
    // holding the 2 * cap index slots. A slot is 0 (free), TOMBSTONE, or entry number + 1 in its
    // low log2(cap) + 1 bits, below the key's hash bits that the slot number does not use (a tag
    // that spares reading most entries that are not the key).
    private static final int TOMBSTONE = -1;

    private EdgeSet() {
    }

    /** Number of distinct edges (entries with a non-zero count). */
    public static int size(int[] block) {
        if (block == null) {
            return 0;
        }
        if (block.length <= LINEAR_LENGTH_MAX) {
            return block[0];
        }
        return block[base(indexedCapacity(block)) + 1];
    }

    /** One past the last entry that may be non-empty: iterations may stop there. */
    public static int end(int[] block) {
        return 1 + block[0] * ENTRY;
    }

    static int capacity(int[] block) {
        return block.length <= LINEAR_LENGTH_MAX ? (block.length - 1) / ENTRY : indexedCapacity(block);
    }

    private static int indexedCapacity(int[] block) {
        return (block.length - 1 - ENTRY) / (2 * ENTRY);
    }

    private static int base(int cap) {
        return 1 + cap * ENTRY;
    }

    /** Position in the block of index slot {@code slot}. */
    private static int slotAt(int base, int slot) {
        return base + ENTRY + (slot >> 1) * ENTRY + 1 + (slot & 1);
    }

    /**
     * Adds {@code delta} to the multiplicity of edge ({@code target}, {@code label}).
     * Returns the block to keep (a new one when it had to grow).
     */
    public static int[] add(int[] block, int target, int label, int delta) {
        if (block == null) {
            block = new int[1 + ENTRY];
        }
        if (block.length <= LINEAR_LENGTH_MAX) {
            return addLinear(block, target, label, delta);
        }
        return addIndexed(block, target, label, delta);
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
        int end = end(block);
        for (int i = 1; i < end; i += ENTRY) {
            if (block[i] == target) {
                total += block[i + COUNT];
            }
        }
        return total;
    }

    /** Position of the entry of (target, label), -1 when absent. */
    private static int find(int[] block, int target, int label) {
        if (block.length <= LINEAR_LENGTH_MAX) {
            int end = 1 + block[0] * ENTRY;
            for (int i = 1; i < end; i += ENTRY) {
                if (block[i] == target && block[i + LABEL] == label) {
                    return i;
                }
            }
            return -1;
        }
        int cap = indexedCapacity(block);
        int base = base(cap);
        int mask = 2 * cap - 1;
        int h = hash(target, label);
        int bits = Integer.numberOfTrailingZeros(cap) + 1;
        int tag = (h >>> (bits + 1)) << bits;
        int numberMask = (1 << bits) - 1;
        for (int slot = h & mask; ; slot = (slot + 1) & mask) {
            int v = block[slotAt(base, slot)];
            if (v == 0) {
                return -1;
            }
            if (v > 0 && (v & ~numberMask) == tag) {
                int i = 1 + ((v & numberMask) - 1) * ENTRY;
                if (block[i] == target && block[i + LABEL] == label) {
                    return i;
                }
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
        int cap = (block.length - 1) / ENTRY;
        if (size == cap) {
            if (cap < LINEAR_MAX) {
                block = Arrays.copyOf(block, 1 + Math.min(2 * cap, LINEAR_MAX) * ENTRY);
            } else {
                return addIndexed(rebuild(block, end, FIRST_INDEXED_CAPACITY), target, label, delta);
            }
        }
        block[end] = target;
        block[end + LABEL] = label;
        block[end + COUNT] = delta;
        block[0] = size + 1;
        return block;
    }

    private static int[] addIndexed(int[] block, int target, int label, int delta) {
        int cap = indexedCapacity(block);
        int base = base(cap);
        int mask = 2 * cap - 1;
        int h = hash(target, label);
        int bits = Integer.numberOfTrailingZeros(cap) + 1;
        int tag = (h >>> (bits + 1)) << bits;
        int numberMask = (1 << bits) - 1;
        int free = -1; // first tombstone met: where a new entry's slot goes
        int slot = h & mask;
        while (true) {
            int at = slotAt(base, slot);
            int v = block[at];
            if (v == 0) {
                break;
            }
            if (v > 0 && (v & ~numberMask) == tag) {
                int i = 1 + ((v & numberMask) - 1) * ENTRY;
                if (block[i] == target && block[i + LABEL] == label) {
                    int count = block[i + COUNT] + delta;
                    if (count != 0) {
                        block[i + COUNT] = count;
                    } else {
                        removeIndexed(block, base, at, i);
                    }
                    return block;
                }
            } else if (v == TOMBSTONE && free < 0) {
                free = at;
            }
            slot = (slot + 1) & mask;
        }
        if (delta == 0) {
            return block;
        }
        int used = block[0];
        int size = block[base + 1];
        int tombstones = block[base + 2];
        if (used == cap || size + tombstones + 1 > cap) {
            // Out of entries, or the index would pass half full: compact, and double when more
            // than half of the entries are live.
            int newCap = (size + 1) * 2 > cap ? cap * 2 : cap;
            return addIndexed(rebuild(block, end(block), newCap), target, label, delta);
        }
        int i = 1 + used * ENTRY;
        block[i] = target;
        block[i + LABEL] = label;
        block[i + COUNT] = delta;
        block[0] = used + 1;
        if (free >= 0) {
            block[free] = tag | (used + 1);
            block[base + 2] = tombstones - 1;
        } else {
            block[slotAt(base, slot)] = tag | (used + 1);
        }
        block[base + 1] = size + 1;
        return block;
    }

    /** Empties entry {@code i}, whose index slot is at {@code at}. */
    private static void removeIndexed(int[] block, int base, int at, int i) {
        block[i] = 0;
        block[i + LABEL] = 0;
        block[i + COUNT] = 0;
        block[at] = TOMBSTONE;
        block[base + 1]--;
        block[base + 2]++;
        // Trailing holes are given back, so that iterations stop at the last live entry.
        int used = block[0];
        while (used > 0 && block[1 + (used - 1) * ENTRY] == 0) {
            used--;
        }
        block[0] = used;
    }

    /**
     * A new indexed block of {@code newCap} entries holding, in order, the non-empty entries of
     * {@code block} below position {@code to}.
     */
    private static int[] rebuild(int[] block, int to, int newCap) {
        int base = base(newCap);
        int[] grown = new int[base + ENTRY + newCap * ENTRY];
        int mask = 2 * newCap - 1;
        int bits = Integer.numberOfTrailingZeros(newCap) + 1;
        int used = 0;
        for (int e = 1; e < to; e += ENTRY) {
            int target = block[e];
            if (target == 0) {
                continue;
            }
            int i = 1 + used * ENTRY;
            grown[i] = target;
            grown[i + LABEL] = block[e + LABEL];
            grown[i + COUNT] = block[e + COUNT];
            used++;
            int h = hash(target, block[e + LABEL]);
            int slot = h & mask;
            while (grown[slotAt(base, slot)] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slotAt(base, slot)] = ((h >>> (bits + 1)) << bits) | used;
        }
        grown[0] = used;
        grown[base + 1] = used;
        return grown;
    }

    private static int hash(int target, int label) {
        int h = target * 0x9E3779B1 + label * 0x85EBCA77;
        return h ^ (h >>> 15);
    }
}
