package dev.refshadow.analyzer.property;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One step of a random {@link Program}, applied to a {@link Mirror}. Objects are oracle indices. */
interface Event {
    void applyTo(Mirror mirror);

    /** {@code new} of object {@code index}, held by a static until an {@link Unpin} drops it. */
    record Allocate(int index, Kind kind) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            assertEquals(index, mirror.allocate(kind), "objects are allocated in index order");
            mirror.pin(index);
        }
    }

    /** {@code holder.field = newValue} where the field held {@code oldValue} ({@link Oracle#NULL} for null). */
    record Store(int holder, String field, int oldValue, int newValue) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            mirror.store(holder, field, oldValue, newValue);
        }
    }

    /** One more static reference to the object. */
    record Pin(int index) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            mirror.pin(index);
        }
    }

    /** One static reference to the object less. */
    record Unpin(int index) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            mirror.unpin(index);
        }
    }

    /** A method starts on the program's thread. */
    record EnterFrame(int locals) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            mirror.enterFrame(locals);
        }
    }

    /** {@code astore slot} in the current frame, releasing what the slot held. */
    record StoreLocal(int slot, int value) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            mirror.storeLocal(slot, value);
        }
    }

    /** The current method returns: its locals are released. */
    record ExitFrame() implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            mirror.exitFrame();
        }
    }

    /** {@code gc.collect(generation)}, which must find what the oracle finds. */
    record Collect(int generation) implements Event {
        @Override
        public void applyTo(Mirror mirror) {
            Mirror.Collected collected = mirror.collect(generation);
            assertEquals(collected.expected().found(), collected.actual(), () -> "collect(" + generation + ")");
        }
    }
}
