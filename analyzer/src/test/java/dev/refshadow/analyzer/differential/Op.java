package dev.refshadow.analyzer.differential;

import java.util.List;

/**
 * One statement of a differential script. Variables are numbered {@code 0..variables-1}; they
 * are the fast locals {@code v0, v1, ...} of the Python program's {@code main()} and the local
 * slots of the analyzer's single frame. Each backend ({@link PythonEmitter},
 * {@link AnalyzerInterpreter}) handles every kind through {@link Visitor}.
 */
sealed interface Op {
    /** The value {@code None}, where an op takes a variable as value. */
    int NONE = -1;
    /** {@link Collect#generation} of {@code gc.collect()} without argument. */
    int ALL_GENERATIONS = -1;

    void accept(Visitor visitor);

    /** {@code v = C<fields>()}: a {@code __slots__} instance. */
    record NewObject(int variable, int fields) implements Op {
        public void accept(Visitor visitor) {
            visitor.newObject(this);
        }
    }

    /** {@code v = object()}: an object CPython does not track (no {@code Py_TPFLAGS_HAVE_GC}). */
    record NewAtom(int variable) implements Op {
        public void accept(Visitor visitor) {
            visitor.newAtom(this);
        }
    }

    /** {@code v = Arr(); v.extend(NONES[length])}: a list (subclass) of {@code length} Nones. */
    record NewArray(int variable, int length) implements Op {
        public void accept(Visitor visitor) {
            visitor.newArray(this);
        }
    }

    /** {@code holder.f<field> = value} where value is a variable or {@link #NONE}. */
    record SetField(int holder, int field, int value) implements Op {
        public void accept(Visitor visitor) {
            visitor.setField(this);
        }
    }

    /** {@code array[index] = value} where value is a variable or {@link #NONE}. */
    record SetSlot(int array, int index, int value) implements Op {
        public void accept(Visitor visitor) {
            visitor.setSlot(this);
        }
    }

    /** {@code target = source}. */
    record Copy(int target, int source) implements Op {
        public void accept(Visitor visitor) {
            visitor.copy(this);
        }
    }

    /** {@code v = None}. */
    record Drop(int variable) implements Op {
        public void accept(Visitor visitor) {
            visitor.drop(this);
        }
    }

    /** {@code gc.collect(generation)}, or {@code gc.collect()} for {@link #ALL_GENERATIONS}; prints the result. */
    record Collect(int generation) implements Op {
        public void accept(Visitor visitor) {
            visitor.collect(this);
        }
    }

    /** Prints {@code gc.get_count()}. */
    record GetCount() implements Op {
        public void accept(Visitor visitor) {
            visitor.getCount(this);
        }
    }

    /** Prints {@code gc.get_stats()}: collections/collected/uncollectable per generation. */
    record GetStats() implements Op {
        public void accept(Visitor visitor) {
            visitor.getStats(this);
        }
    }

    /** Prints {@code gc.get_freeze_count()}, less the interpreter's own objects frozen by the prelude. */
    record GetFreezeCount() implements Op {
        public void accept(Visitor visitor) {
            visitor.getFreezeCount(this);
        }
    }

    /** {@code gc.set_threshold(*thresholds)}, one to three values. */
    record SetThreshold(List<Integer> thresholds) implements Op {
        public SetThreshold {
            thresholds = List.copyOf(thresholds);
        }

        public void accept(Visitor visitor) {
            visitor.setThreshold(this);
        }
    }

    /** {@code gc.enable()}. */
    record Enable() implements Op {
        public void accept(Visitor visitor) {
            visitor.enable(this);
        }
    }

    /** {@code gc.disable()}. */
    record Disable() implements Op {
        public void accept(Visitor visitor) {
            visitor.disable(this);
        }
    }

    /** {@code gc.freeze()}. */
    record Freeze() implements Op {
        public void accept(Visitor visitor) {
            visitor.freeze(this);
        }
    }

    /** {@code gc.unfreeze()}. */
    record Unfreeze() implements Op {
        public void accept(Visitor visitor) {
            visitor.unfreeze(this);
        }
    }

    /** One method per kind of op. */
    interface Visitor {
        void newObject(NewObject op);

        void newAtom(NewAtom op);

        void newArray(NewArray op);

        void setField(SetField op);

        void setSlot(SetSlot op);

        void copy(Copy op);

        void drop(Drop op);

        void collect(Collect op);

        void getCount(GetCount op);

        void getStats(GetStats op);

        void getFreezeCount(GetFreezeCount op);

        void setThreshold(SetThreshold op);

        void enable(Enable op);

        void disable(Disable op);

        void freeze(Freeze op);

        void unfreeze(Unfreeze op);
    }
}
