package dev.refshadow.samples;

import dev.refshadow.Gc;

/**
 * {@link LambdaCapturesThis} fixed: the lambda captures the one value it uses (the name), not
 * {@code this}, so the task is not in a cycle with its own callback.
 */
public final class LambdaCapturesThisFixed {
    static final class Task {
        final String name;
        Runnable onDone;

        Task(String name) {
            this.name = name;
            String n = name;
            onDone = () -> System.out.println(n + " done");
        }
    }

    private LambdaCapturesThisFixed() {
    }

    public static void main(String[] args) {
        new Task("warm-up"); // a lambda's first evaluation links its call site (JDK-internal objects)
        Figures f = Figures.start(LambdaCapturesThisFixed.class);

        Task task = new Task("upload");
        f.put("refcount.task", Gc.getRefCount(task)); // the variable only
        task = null;
        f.put("collected", Gc.collect()); // nothing: freed by reference counting
        f.print();
    }
}
