package dev.refshadow.agent.runtime;

/**
 * The events an application thread records. Each occupies one slot of its thread's
 * {@link EventBuffer}: a kind, an int argument and up to three references.
 */
public final class EventKind {
    /** {@code Object.<init>} ran for ref0: the object exists, a temporary of the current frame (no site yet). */
    public static final int CONSTRUCTED = 1;
    /** ref0, created by {@code new} at site arg, is initialized. */
    public static final int ALLOCATED = 2;
    /** The array ref0 was created at site arg and is now an operand-stack temporary. */
    public static final int NEW_ARRAY = 3;
    /** {@code ref0.field(arg) = ref2}, replacing ref1. */
    public static final int PUT_FIELD = 4;
    /** {@code static field(arg) = ref2}, replacing ref1. */
    public static final int PUT_STATIC = 5;
    /** {@code ref0[i] = ref2}, replacing ref1. */
    public static final int ARRAY_STORE = 6;
    /** A method starts with arg local slots. */
    public static final int ENTER = 7;
    /** {@code local[arg] = ref0} (null for a primitive store over a reference). */
    public static final int STORE_LOCAL = 8;
    /** The method returns without a reference. */
    public static final int EXIT = 9;
    /** The method returns ref0, which becomes a temporary of the caller. */
    public static final int EXIT_RETURNING = 10;
    /** The method unwinds with the throwable ref0, which becomes a temporary of the caller. */
    public static final int EXIT_THROWING = 11;
    /** A call returned ref0 to an instrumented caller: it is a temporary until consumed. */
    public static final int RETURNED = 12;
    /** A new source line starts: the temporaries of the current frame are consumed. */
    public static final int RELEASE_TEMPS = 13;
    /** {@code System.arraycopy} into ref0: slots [arg, arg + n) went from ref1's values to ref2's (Object[] snapshots; ref1 null when all were null). */
    public static final int ARRAY_COPY = 14;
    /** ref0 is a fresh copy ({@code clone()}); ref1 is a snapshot of its slots for arrays. */
    public static final int CLONED = 15;
    /** A store by {@code Unsafe} into ref0 at field offset / array element (long offset in the buffer), replacing ref1 with ref2. */
    public static final int UNSAFE_STORE = 16;
    /** A {@code java.lang.ref.Reference} ref0 was constructed with referent ref1. */
    public static final int WEAK_REFERENT = 17;
    /** At method entry, the argument ref0 is in local slot arg (it may take over a caller's temporary). */
    public static final int ARGUMENT = 18;
    /** The VM keeps ref0 (a linked call site, a resolved constant): an external reference forever. */
    public static final int HELD_BY_VM = 19;
    /** {@code local[arg] = ref0}, which was a temporary of this frame: the temporary is consumed. */
    public static final int LOCAL_FROM_TEMP = 20;
    /** The temporary ref0 was popped unused. */
    public static final int TEMP_DROPPED = 21;

    private EventKind() {
    }
}
