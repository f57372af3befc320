package dev.refshadow.analyzer.differential;

import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Writes a {@link Script} as a CPython program whose gc counts are the analyzer's.
 *
 * <p>Every GC object the program allocates while the script runs must be one of the script's
 * objects, and every collection must see only the script's objects (and roots). How:
 * <ul>
 *   <li>The variables are fast locals of {@code main()}: stores are {@code STORE_FAST}, no dict.
 *   <li>Objects are instances of {@code __slots__} classes (no {@code __dict__}, no
 *       {@code __weakref__}); arrays are instances of {@code Arr(list)}, never exact lists: an
 *       exact list comes from the list freelist, which bypasses count0. An array gets its
 *       length by {@code extend} from a list of Nones built before the freeze, which allocates
 *       no GC object.
 *   <li>Prelude: everything the program needs is built first; {@code settle()} runs full
 *       collections until no more tuples or dicts get untracked (a tuple holding tuples is only
 *       untracked by the collection after its items were), then freezes: the interpreter's
 *       objects become roots that no later collection changes. One more {@code gc.collect()}
 *       empties the generations, so that counts are (0, 0, 0) and {@code long_lived_total} is
 *       0, as in a fresh analyzer. The interpreter's frozen objects ({@code BASE}) are printed
 *       first, for {@link AnalyzerInterpreter} to model them, and subtracted from every freeze
 *       count; so are those of them that are immortal ({@code IMMORTAL}, CPython 3.12: what a
 *       full collection right after an unfreeze moved back to the permanent generation). Stats
 *       are printed as differences from their values after the prelude.
 *   <li>Measuring must change nothing: {@code get_count()}, {@code get_stats()} and
 *       {@code set_threshold(...)} (its argument tuple) allocate tuples, lists and dicts, some
 *       from freelists (no count0 change) and some not (count0 + 1, and a freed object may go
 *       back to a freelist without the - 1); every full collection empties the freelists. So
 *       these run between {@code quiet_begin()} and {@code quiet_end()}: collection disabled,
 *       the counts read before anything is allocated, and whatever count0 gained since is
 *       given back by freeing that many untracked tuples of {@code POOL} (too long for the
 *       tuple freelist, so each one's {@code PyObject_GC_Del} lowers count0 by exactly one).
 *       A measurement that lowered count0 raises, it cannot be made good.
 *   <li>Lines go to the list {@code out} and are written after {@code main()} returns.
 * </ul>
 */
final class PythonEmitter implements Op.Visitor {
    /** Untracked tuples to give back count0 with; the program fails loudly if it runs out. */
    private static final int POOL_SIZE = 4000;
    private static final String INDENT = "    ";

    private static final String HELPERS = """
            NONES = tuple([None] * n for n in range(%d))
            POOL = [tuple(range(32)) for _ in range(%d)]
            out = []
            QUIET = [True, 0, 0, 0]
            STATS0 = [0] * 9
            BASE = [0]
            IMMORTAL = [0]


            # A measurement runs between quiet_begin() and quiet_end(): no collection can start,
            # the counts are read before anything is allocated, and what count0 gained from the
            # measurement's own tuples, lists and dicts is given back (see PythonEmitter.java).
            def quiet_begin():
                QUIET[0] = gc.isenabled()
                gc.disable()
                c = gc.get_count()
                QUIET[1] = c[0]
                QUIET[2] = c[1]
                QUIET[3] = c[2]


            def quiet_end():
                shift = gc.get_count()[0] - QUIET[1]
                if shift < 0:
                    raise AssertionError(f"measuring lowered count0 by {-shift}")
                while shift > 0:
                    POOL.pop()  # an untracked tuple of 32 items: PyObject_GC_Del, count0 - 1
                    shift -= 1
                if QUIET[0]:
                    gc.enable()


            def show_count():
                out.append(f"count {QUIET[1]} {QUIET[2]} {QUIET[3]}")


            def show_stats():
                s = gc.get_stats()
                line = "stats"
                for g in range(3):
                    line += (f" {s[g]['collections'] - STATS0[3 * g]}"
                             f"/{s[g]['collected'] - STATS0[3 * g + 1]}"
                             f"/{s[g]['uncollectable'] - STATS0[3 * g + 2]}")
                out.append(line)


            def show_freeze_count():
                out.append(f"freeze_count {gc.get_freeze_count() - BASE[0]}")


            def record_baseline():
                s = gc.get_stats()
                for g in range(3):
                    STATS0[3 * g] = s[g]['collections']
                    STATS0[3 * g + 1] = s[g]['collected']
                    STATS0[3 * g + 2] = s[g]['uncollectable']
                BASE[0] = gc.get_freeze_count()


            # Full collections until none untracks anything more, then everything is frozen.
            # IMMORTAL: what a full collection right after an unfreeze puts back into the
            # permanent generation (CPython 3.12 moves immortal objects there; 0 in 3.11).
            def settle():
                previous = -1
                while True:
                    gc.collect()
                    IMMORTAL[0] = gc.get_freeze_count()
                    gc.freeze()
                    frozen = gc.get_freeze_count()
                    if frozen == previous:
                        return
                    previous = frozen
                    gc.unfreeze()

            """;

    private static final String EPILOGUE = """

            settle()
            gc.collect()
            quiet_begin(); record_baseline(); quiet_end()
            main()
            sys.stdout.write(f"%s{BASE[0]} {IMMORTAL[0]}\\n")
            sys.stdout.write("".join(line + "\\n" for line in out))
            """;

    private final StringBuilder text = new StringBuilder();

    private PythonEmitter() {
    }

    /** The whole program for {@code script}. */
    static String program(Script script) {
        PythonEmitter emitter = new PythonEmitter();
        emitter.prelude(script);
        emitter.main(script);
        emitter.text.append(String.format(EPILOGUE, OutputLines.INTERPRETER_PREFIX));
        return emitter.text.toString();
    }

    private void prelude(Script script) {
        text.append("# refshadow differential script, seed ").append(script.seed())
                .append(" (see PythonEmitter and ScriptGenerator)\n");
        text.append("import gc\nimport sys\n\n");
        for (int fields = 0; fields <= Script.MAX_FIELDS; fields++) {
            text.append("\nclass ").append(Script.className(fields)).append(":\n")
                    .append(INDENT).append("__slots__ = ").append(slotsTuple(fields)).append("\n\n");
        }
        text.append("\nclass Arr(list):\n").append(INDENT).append("__slots__ = ()\n\n\n");
        text.append(String.format(HELPERS, Script.MAX_ARRAY_LENGTH + 1, POOL_SIZE));
    }

    /** {@code ()}, {@code ('f0',)}, {@code ('f0', 'f1')}, ... */
    private static String slotsTuple(int fields) {
        StringJoiner names = new StringJoiner(", ", "(", fields == 1 ? ",)" : ")");
        for (int field = 0; field < fields; field++) {
            names.add("'" + Script.fieldName(field) + "'");
        }
        return names.toString();
    }

    private void main(Script script) {
        text.append("\ndef main():\n");
        StringBuilder init = new StringBuilder();
        for (int v = 0; v < script.variables(); v++) {
            init.append(Script.variableName(v)).append(" = ");
        }
        line(init + "None");
        for (Op op : script.ops()) {
            op.accept(this);
        }
    }

    private void line(String statement) {
        text.append(INDENT).append(statement).append('\n');
    }

    private static String name(int variable) {
        return Script.variableName(variable);
    }

    private static String value(int variable) {
        return variable == Op.NONE ? "None" : name(variable);
    }

    /** A statement that may allocate: its own count0 change is taken back, and it cannot trigger a collection. */
    private void quietly(String statement) {
        line("quiet_begin(); " + statement + "; quiet_end()");
    }

    @Override
    public void newObject(Op.NewObject op) {
        line(name(op.variable()) + " = " + Script.className(op.fields()) + "()");
    }

    @Override
    public void newAtom(Op.NewAtom op) {
        line(name(op.variable()) + " = object()");
    }

    @Override
    public void newArray(Op.NewArray op) {
        line(name(op.variable()) + " = Arr()");
        if (op.length() > 0) {
            line(name(op.variable()) + ".extend(NONES[" + op.length() + "])");
        }
    }

    @Override
    public void setField(Op.SetField op) {
        line(name(op.holder()) + "." + Script.fieldName(op.field()) + " = " + value(op.value()));
    }

    @Override
    public void setSlot(Op.SetSlot op) {
        line(name(op.array()) + "[" + op.index() + "] = " + value(op.value()));
    }

    @Override
    public void copy(Op.Copy op) {
        line(name(op.target()) + " = " + name(op.source()));
    }

    @Override
    public void drop(Op.Drop op) {
        line(name(op.variable()) + " = None");
    }

    @Override
    public void collect(Op.Collect op) {
        String argument = op.generation() == Op.ALL_GENERATIONS ? "" : Integer.toString(op.generation());
        line("out.append(f\"collect(" + argument + ") -> {gc.collect(" + argument + ")}\")");
    }

    @Override
    public void getCount(Op.GetCount op) {
        quietly("show_count()");
    }

    @Override
    public void getStats(Op.GetStats op) {
        quietly("show_stats()");
    }

    @Override
    public void getFreezeCount(Op.GetFreezeCount op) {
        quietly("show_freeze_count()");
    }

    @Override
    public void setThreshold(Op.SetThreshold op) {
        String arguments = op.thresholds().stream().map(String::valueOf).collect(Collectors.joining(", "));
        quietly("gc.set_threshold(" + arguments + ")");
    }

    @Override
    public void enable(Op.Enable op) {
        line("gc.enable()");
    }

    @Override
    public void disable(Op.Disable op) {
        line("gc.disable()");
    }

    @Override
    public void freeze(Op.Freeze op) {
        line("gc.freeze()");
    }

    @Override
    public void unfreeze(Op.Unfreeze op) {
        line("gc.unfreeze()");
    }
}
