package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.LinkedList;

/**
 * A LinkedList dropped with three elements: the list itself is freed by reference counting, but
 * its nodes point at each other ({@code next}, {@code prev}), so reference counting alone would
 * leak all three.
 */
public final class DroppedLinkedList {
    private DroppedLinkedList() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(DroppedLinkedList.class);

        LinkedList<String> steps = new LinkedList<>();
        steps.add("parse");
        steps.add("check");
        steps.add("emit");
        steps = null;
        f.put("collected", Gc.collect()); // the three nodes
        f.print();
    }
}
