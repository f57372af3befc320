package dev.refshadow.analyzer.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random scripts from a seed, weighted so that they build structures and cycles through fields
 * and slots, drop them, and trip automatic collections of every generation.
 *
 * <p>count0 only grows with objects that stay alive or become cyclic garbage (a freed object
 * takes its allocation back), so besides single ops the generator emits <em>chains</em>: a run
 * of new objects, each holding the previous head of the chain, sometimes closed into a ring.
 * Together with small thresholds at the start of most scripts and one long script in three,
 * that makes automatic collections of generations 1 and 2 common.
 *
 * <p>The generator keeps a static model of what each variable holds (None, an instance with n
 * fields, an array of n slots), so that every field and slot it writes exists. That model is
 * exact: an object a variable refers to is never collected.
 */
final class ScriptGenerator {
    private enum Kind {
        NEW_OBJECT(40), NEW_ATOM(4), NEW_ARRAY(14), SET_FIELD(40), SET_SLOT(16), COPY(10), DROP(24),
        CHAIN(12), CYCLE(20), COLLECT(3), GET_COUNT(10), GET_STATS(5), GET_FREEZE_COUNT(1),
        SET_THRESHOLD(3), ENABLE(2), DISABLE(1), FREEZE(1), UNFREEZE(1);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    /** While collection is disabled, {@code gc.enable()} is this much more likely. */
    private static final int ENABLE_BOOST_WHILE_DISABLED = 12;
    private static final int MAX_CHAIN = 30;

    /** What a variable holds: an instance with {@code size} fields or an array of {@code size} slots. */
    private record Shape(boolean array, int size) {
    }

    private final long seed;
    private final Random random;
    private final List<Op> ops = new ArrayList<>();
    private Shape[] shapes;
    private boolean enabled = true;

    ScriptGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    Script generate() {
        int variables = between(3, 12);
        shapes = new Shape[variables];
        int length = random.nextInt(3) == 0 ? between(300, 1000) : between(20, 200);
        if (random.nextInt(10) != 0) {
            emit(smallThresholds(3));
        }
        while (ops.size() < length) {
            generate(pickKind());
        }
        // Stats are cumulative: printed at the end, they show any difference in what each
        // generation collected over the whole script, even where no op looked at the time.
        emit(new Op.GetCount());
        emit(new Op.GetStats());
        return new Script(seed, variables, ops);
    }

    private Kind pickKind() {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += weight(kind);
        }
        int pick = random.nextInt(total);
        for (Kind kind : Kind.values()) {
            pick -= weight(kind);
            if (pick < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights");
    }

    private int weight(Kind kind) {
        return kind == Kind.ENABLE && !enabled ? kind.weight * ENABLE_BOOST_WHILE_DISABLED : kind.weight;
    }

    /** Emits the op(s) of {@code kind}; nothing when no variable holds what it needs. */
    private void generate(Kind kind) {
        switch (kind) {
            case NEW_OBJECT -> emit(new Op.NewObject(anyVariable(), random.nextInt(10) == 0 ? 0 : between(1, Script.MAX_FIELDS)));
            case NEW_ATOM -> emit(new Op.NewAtom(anyVariable()));
            case NEW_ARRAY -> emit(new Op.NewArray(anyVariable(), random.nextInt(8) == 0 ? 0 : between(1, Script.MAX_ARRAY_LENGTH)));
            case SET_FIELD -> store(variableHolding(false), anyValue());
            case SET_SLOT -> store(variableHolding(true), anyValue());
            case COPY -> emit(new Op.Copy(anyVariable(), anyVariable()));
            case DROP -> emit(new Op.Drop(anyVariable()));
            case CHAIN -> chain();
            case CYCLE -> cycle();
            case COLLECT -> emit(new Op.Collect(between(Op.ALL_GENERATIONS, 2)));
            case GET_COUNT -> emit(new Op.GetCount());
            case GET_STATS -> emit(new Op.GetStats());
            case GET_FREEZE_COUNT -> emit(new Op.GetFreezeCount());
            case SET_THRESHOLD -> emit(smallThresholds(between(1, 3)));
            case ENABLE -> emit(new Op.Enable());
            case DISABLE -> emit(new Op.Disable());
            case FREEZE -> emit(new Op.Freeze());
            case UNFREEZE -> emit(new Op.Unfreeze());
            default -> throw new AssertionError(kind);
        }
    }

    /**
     * {@code head} gets a chain of new holders, each holding the previous head (so the chain hangs
     * on whatever {@code head} held before); sometimes the first is made to hold the last: a ring.
     */
    private void chain() {
        int head = anyVariable();
        int link = otherVariable(head);
        int first = random.nextBoolean() ? otherVariable(head, link) : -1;
        int length = between(2, MAX_CHAIN);
        for (int i = 0; i < length; i++) {
            newHolder(link);
            if (i == 0 && first >= 0) {
                emit(new Op.Copy(first, link));
            }
            store(link, head);
            emit(new Op.Copy(head, link));
        }
        if (first >= 0) {
            store(first, head);
            emit(new Op.Drop(first));
        }
        emit(new Op.Drop(link));
    }

    /**
     * A cycle of one to three new holders, usually dropped at once: garbage whose generation
     * depends on whether its allocations triggered collections, and when (CPython 3.11 and 3.12
     * differ there).
     */
    private void cycle() {
        int[] members = new int[between(1, 3)];
        for (int i = 0; i < members.length; i++) {
            members[i] = otherVariable(Arrays.copyOf(members, i));
            newHolder(members[i]);
        }
        for (int i = 0; i < members.length; i++) {
            store(members[i], members[(i + 1) % members.length]);
        }
        if (random.nextInt(4) != 0) {
            for (int member : members) {
                emit(new Op.Drop(member));
            }
        }
    }

    /** {@code variable = C<n>()} or {@code Arr()} of n slots, with n at least 1. */
    private void newHolder(int variable) {
        if (random.nextInt(4) == 0) {
            emit(new Op.NewArray(variable, between(1, Script.MAX_ARRAY_LENGTH)));
        } else {
            emit(new Op.NewObject(variable, between(1, Script.MAX_FIELDS)));
        }
    }

    /** Stores {@code value} into a random field or slot of what {@code holder} holds; nothing for -1. */
    private void store(int holder, int value) {
        if (holder < 0) {
            return;
        }
        Shape shape = shapes[holder];
        int index = random.nextInt(shape.size());
        emit(shape.array() ? new Op.SetSlot(holder, index, value) : new Op.SetField(holder, index, value));
    }

    /** Appends {@code op} and keeps the model of the variables up to date. */
    private void emit(Op op) {
        ops.add(op);
        if (op instanceof Op.NewObject o) {
            shapes[o.variable()] = new Shape(false, o.fields());
        } else if (op instanceof Op.NewAtom o) {
            shapes[o.variable()] = new Shape(false, 0);
        } else if (op instanceof Op.NewArray o) {
            shapes[o.variable()] = new Shape(true, o.length());
        } else if (op instanceof Op.Copy o) {
            shapes[o.target()] = shapes[o.source()];
        } else if (op instanceof Op.Drop o) {
            shapes[o.variable()] = null;
        } else if (op instanceof Op.Enable || op instanceof Op.Disable) {
            enabled = op instanceof Op.Enable;
        }
    }

    /** Thresholds small enough for every generation to be collected automatically; rarely 0 (off). */
    private Op.SetThreshold smallThresholds(int arity) {
        List<Integer> thresholds = new ArrayList<>(arity);
        thresholds.add(random.nextInt(20) == 0 ? 0 : between(3, random.nextBoolean() ? 8 : 20));
        while (thresholds.size() < arity) {
            thresholds.add(between(1, 5));
        }
        return new Op.SetThreshold(thresholds);
    }

    private int anyVariable() {
        return random.nextInt(shapes.length);
    }

    /** A variable other than the given ones (there are at least three variables). */
    private int otherVariable(int... taken) {
        while (true) {
            int variable = anyVariable();
            boolean free = true;
            for (int t : taken) {
                free &= variable != t;
            }
            if (free) {
                return variable;
            }
        }
    }

    /** A variable, or sometimes None: the value of a field or slot store. */
    private int anyValue() {
        return random.nextInt(7) == 0 ? Op.NONE : anyVariable();
    }

    /** A random variable holding an array (or an instance) with at least one slot (field); -1 if none. */
    private int variableHolding(boolean array) {
        int start = random.nextInt(shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            int variable = (start + i) % shapes.length;
            Shape shape = shapes[variable];
            if (shape != null && shape.array() == array && shape.size() > 0) {
                return variable;
            }
        }
        return -1;
    }

    private int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }
}
