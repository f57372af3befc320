package dev.refshadow.analyzer.gc;

import java.util.Arrays;

/** A growable list of ints. */
public final class IntList {
    private int[] items = new int[8];
    private int size;

    public void add(int value) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = value;
    }

    public int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return items[index];
    }

    public int size() {
        return size;
    }

    public int removeLast() {
        return items[--size];
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
