package dev.refshadow.samples;

import dev.refshadow.Gc;

/**
 * A lambda stored in the object it captures: Task -> onDone -> (captured this) Task. The
 * lambda's class is a hidden class that the agent never sees loading: its instance is discovered
 * when it is first stored. {@link LambdaCapturesThisFixed} captures only what it uses.
 */
public final class LambdaCapturesThis {
    static final class Task {
        final String name;
        Runnable onDone;

        Task(String name) {
            this.name = name;
            onDone = () -> System.out.println(this.name + " done");
        }
    }

    private LambdaCapturesThis() {
    }

    public static void main(String[] args) {
        new Task("warm-up"); // a lambda's first evaluation links its call site (JDK-internal objects)
        Figures f = Figures.start(LambdaCapturesThis.class);

        Task task = new Task("upload");
        f.put("refcount.task", Gc.getRefCount(task)); // the variable and the lambda's captured this
        f.put("refcount.lambda", Gc.getRefCount(task.onDone)); // task.onDone
        task = null;
        f.put("collected", Gc.collect()); // the task and its lambda
        f.print();
    }
}
