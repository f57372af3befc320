package dev.refshadow.agent.instrument;

import static org.objectweb.asm.Opcodes.*;

import dev.refshadow.agent.runtime.Symbols;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * Rewrites one method so that every way it stores or holds a reference reaches the barrier:
 * field, static and array stores with their old values, locals and arguments, frame exits
 * (normal and exceptional), allocations and the temporaries they leave on the operand stack,
 * {@code System.arraycopy}, {@code clone()} and {@code Array.newInstance}.
 *
 * <p>Inserted code never changes the operand stack at an instruction boundary and adds no
 * branch, so the method's stack map frames stay valid; the only new frame is the one of the
 * exceptional-exit handler, whose locals are empty (assignable from any frame). No class is
 * loaded to instrument a method.
 */
final class MethodInstrumenter {
    private static final String OBJECT = "Ljava/lang/Object;";
    private static final String UNSAFE = "jdk/internal/misc/Unsafe";
    private static final String EXCHANGES = "dev/refshadow/agent/internal/ReferenceExchanges";
    /**
     * Unsafe's reference stores, natives and intrinsic wrappers: every other reference store of
     * the JDK ends in one of them (see internal.UnsafeStores).
     */
    private static final java.util.Set<String> UNSAFE_STORES = java.util.Set.of(
            "putReference", "putReferenceVolatile", "putReferenceRelease", "putReferenceOpaque",
            "getAndSetReference", "getAndSetReferenceAcquire", "getAndSetReferenceRelease",
            "compareAndSetReference", "weakCompareAndSetReference", "weakCompareAndSetReferencePlain",
            "weakCompareAndSetReferenceAcquire", "weakCompareAndSetReferenceRelease",
            "compareAndExchangeReference", "compareAndExchangeReferenceAcquire", "compareAndExchangeReferenceRelease");

    /** The reference-array copies of java.util.Arrays that the JIT compiles as intrinsics. */
    private static final java.util.Set<String> ARRAY_COPIES = java.util.Set.of(
            "copyOf([Ljava/lang/Object;ILjava/lang/Class;)[Ljava/lang/Object;",
            "copyOfRange([Ljava/lang/Object;IILjava/lang/Class;)[Ljava/lang/Object;");

    private final String className;
    private final String sourceFile;
    private final MethodNode method;
    private final InsnList code;
    private final boolean addFrames;
    /** The class file may load class constants ({@code ldc C.class}, Java 5 and later). */
    private final boolean classConstants;
    private final Map<Integer, Integer> siteByLine = new HashMap<>();
    private final BitSet referenceSlots = new BitSet();
    private final boolean isConstructor;
    private int line;
    /** The method's instructions before any was inserted. */
    private AbstractInsnNode[] original;

    MethodInstrumenter(String className, String sourceFile, MethodNode method, boolean addFrames, boolean classConstants) {
        this.className = className;
        this.sourceFile = sourceFile == null ? "Unknown Source" : sourceFile;
        this.method = method;
        this.code = method.instructions;
        this.addFrames = addFrames;
        this.classConstants = classConstants;
        this.isConstructor = method.name.equals("<init>");
    }

    /** {@code Object.<init>}: every construction passes here first. */
    static void instrumentObjectConstructor(MethodNode method) {
        method.instructions.insert(BarrierCalls.code().load(0)
                .call("constructed", "(" + OBJECT + ")V").build());
    }

    /** Returns false when the method cannot be instrumented (abstract, native, subroutines). */
    boolean instrument() {
        if ((method.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0 || code.size() == 0 || hasSubroutines()) {
            return false;
        }
        AbstractInsnNode[] insns = code.toArray();
        original = insns;
        int superCall = isConstructor ? SuperCallFinder.find(className, method) : -1;
        if (isConstructor && superCall < 0) {
            return false;
        }
        collectReferenceSlots(insns);
        boolean framed = (!referenceSlots.isEmpty() || returnsReference()) && !isLeaf(insns);
        boolean producesTemps = producesTemporaries(insns);
        Deque<int[]> pendingNews = new ArrayDeque<>();
        List<FieldInsnNode> deferredThisStores = new ArrayList<>();
        line = 0;
        for (int i = 0; i < insns.length; i++) {
            AbstractInsnNode insn = insns[i];
            boolean beforeSuper = i < superCall;
            switch (insn.getType()) {
                case AbstractInsnNode.LINE -> {
                    line = ((LineNumberNode) insn).line;
                    // Before super() the constructor's frame is not entered: the caller's temporaries are not its own.
                    if (producesTemps && !beforeSuper) {
                        insertAtLineStart(insn, BarrierCalls.code().call("releaseTemps", "()V").build());
                    }
                }
                case AbstractInsnNode.VAR_INSN -> instrumentLocalStore((VarInsnNode) insn, i, framed && !beforeSuper);
                case AbstractInsnNode.FIELD_INSN -> instrumentFieldStore((FieldInsnNode) insn, beforeSuper, deferredThisStores);
                case AbstractInsnNode.TYPE_INSN -> instrumentTypeInsn((TypeInsnNode) insn, i, pendingNews);
                case AbstractInsnNode.INT_INSN -> {
                    if (insn.getOpcode() == NEWARRAY) {
                        code.insert(insn, BarrierCalls.code().op(DUP).push(site()).call("newArray", "(" + OBJECT + "I)V").build());
                    }
                }
                case AbstractInsnNode.MULTIANEWARRAY_INSN ->
                        code.insert(insn, BarrierCalls.code().op(DUP).push(site()).call("newMultiArray", "(" + OBJECT + "I)V").build());
                case AbstractInsnNode.METHOD_INSN -> {
                    if (i == superCall) {
                        code.insert(insn, afterSuperCall(framed, deferredThisStores));
                    } else {
                        instrumentCall((MethodInsnNode) insn, pendingNews);
                    }
                }
                case AbstractInsnNode.INVOKE_DYNAMIC_INSN -> {
                    if (returnsReference(((InvokeDynamicInsnNode) insn).desc)) {
                        code.insert(insn, BarrierCalls.code().op(DUP).call("returned", "(" + OBJECT + ")V").build());
                    }
                }
                case AbstractInsnNode.INSN -> instrumentInsn((InsnNode) insn, i, framed);
                default -> {
                }
            }
        }
        if (framed) {
            LabelNode tryStart = new LabelNode();
            if (isConstructor) {
                // Frame entry and the protected range start once this is initialized.
                code.insert(insns[superCall], tryStart);
            } else {
                boolean loopsToStart = addFrames && firstLabelIsJumpTarget();
                code.insert(tryStart);
                if (loopsToStart) {
                    // The first instruction was a jump target covered by the implicit initial frame:
                    // now that entry code precedes it, it needs the frame written out.
                    code.insert(tryStart, initialFrame());
                }
                code.insert(entryCode());
            }
            addExceptionalExit(tryStart);
        }
        return true;
    }

    /** ENTER, then every reference argument (this included) into its slot. */
    private InsnList entryCode() {
        BarrierCalls c = BarrierCalls.code().push(method.maxLocals).push(methodSite()).call("enter", "(II)V");
        int slot = 0;
        if ((method.access & ACC_STATIC) == 0) {
            // A constructor's this is also still on the caller's stack (new; dup): no transfer.
            storeArgument(c, 0, isConstructor ? "storeLocal" : "argument");
            slot = 1;
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            if (isReference(arg)) {
                storeArgument(c, slot, "argument");
            }
            slot += arg.getSize();
        }
        return c.build();
    }

    private void storeArgument(BarrierCalls c, int slot, String barrier) {
        c.load(slot).push(slot).push(methodSite()).call(barrier, "(" + OBJECT + "II)V");
    }

    /** After {@code super(...)}: enter the frame, and record what was stored into {@code this} before. */
    private InsnList afterSuperCall(boolean framed, List<FieldInsnNode> deferredThisStores) {
        InsnList after = new InsnList();
        if (framed) {
            after.add(entryCode());
        }
        for (FieldInsnNode store : deferredThisStores) {
            after.add(BarrierCalls.code().load(0).load(0)
                    .add(new FieldInsnNode(GETFIELD, store.owner, store.name, store.desc))
                    .op(ACONST_NULL).push(label(store)).push(site())
                    .call("storedField", "(" + OBJECT + OBJECT + OBJECT + "II)V").build());
        }
        return after;
    }

    private void instrumentLocalStore(VarInsnNode insn, int index, boolean framed) {
        if (!framed) {
            return;
        }
        int slot = insn.var;
        switch (insn.getOpcode()) {
            case ASTORE -> code.insertBefore(insn, BarrierCalls.code().op(DUP).push(slot).push(site())
                    .call(followsTemporary(index) ? "storeLocalFromTemp" : "storeLocal", "(" + OBJECT + "II)V").build());
            case ISTORE, FSTORE -> clearIfReference(insn, slot);
            case LSTORE, DSTORE -> {
                clearIfReference(insn, slot);
                clearIfReference(insn, slot + 1);
            }
            default -> {
            }
        }
    }

    private void clearIfReference(AbstractInsnNode insn, int slot) {
        if (referenceSlots.get(slot)) {
            code.insert(insn, BarrierCalls.code().push(slot).push(site()).call("clearLocal", "(II)V").build());
        }
    }

    private void instrumentFieldStore(FieldInsnNode insn, boolean beforeSuper, List<FieldInsnNode> deferred) {
        if (!isReference(Type.getType(insn.desc))) {
            return;
        }
        if (insn.getOpcode() == PUTFIELD) {
            if (insn.owner.equals("java/lang/ref/Reference") && insn.name.equals("referent")) {
                code.insertBefore(insn, BarrierCalls.code().op(DUP2)
                        .call("weakReferent", "(" + OBJECT + OBJECT + ")V").build());
            } else if (insn.owner.equals("java/lang/ref/Reference") && insn.name.equals("discovered")) {
                // The VM links pending references through this field, unseen: it is not counted.
                return;
            } else if (beforeSuper && insn.owner.equals(className)) {
                // A store into the uninitialized this (an inner class's this$0): replayed after super().
                deferred.add(insn);
            } else if (classConstants) {
                // [h, v] -> [h, v, Owner.class, field, site] -> ReferenceExchanges.putField (which stores)
                code.insertBefore(insn, BarrierCalls.code().add(new LdcInsnNode(Type.getObjectType(insn.owner)))
                        .push(label(insn)).push(site()).build());
                code.set(insn, new MethodInsnNode(INVOKESTATIC, EXCHANGES, "putField",
                        "(" + OBJECT + OBJECT + "Ljava/lang/Class;II)V", false));
            } else {
                // Before Java 5 no class constant: [h, v] -> [h, v, h, v, old] -> storedField(h, v, old, field, site) -> [h, v]
                code.insertBefore(insn, BarrierCalls.code().op(DUP2).op(SWAP).op(DUP_X1)
                        .add(new FieldInsnNode(GETFIELD, insn.owner, insn.name, insn.desc))
                        .push(label(insn)).push(site())
                        .call("storedField", "(" + OBJECT + OBJECT + OBJECT + "II)V").build());
            }
        } else if (insn.getOpcode() == PUTSTATIC) {
            code.insertBefore(insn, BarrierCalls.code().op(DUP)
                    .add(new FieldInsnNode(GETSTATIC, insn.owner, insn.name, insn.desc))
                    .push(label(insn)).push(site())
                    .call("putStatic", "(" + OBJECT + OBJECT + "II)V").build());
        }
    }

    private void instrumentTypeInsn(TypeInsnNode insn, int index, Deque<int[]> pendingNews) {
        if (insn.getOpcode() == NEW) {
            pendingNews.push(new int[] {site(), nextIsDup(index) ? 1 : 0});
        } else if (insn.getOpcode() == ANEWARRAY) {
            code.insert(insn, BarrierCalls.code().op(DUP).push(site()).call("newArray", "(" + OBJECT + "I)V").build());
        }
    }

    private void instrumentCall(MethodInsnNode call, Deque<int[]> pendingNews) {
        if (call.getOpcode() == INVOKESPECIAL && call.name.equals("<init>")) {
            int[] allocation = pendingNews.isEmpty() ? null : pendingNews.pop();
            if (allocation != null && allocation[1] == 1) {
                code.insert(call, BarrierCalls.code().op(DUP).push(allocation[0])
                        .call("allocated", "(" + OBJECT + "I)V").build());
            }
            return;
        }
        if (call.owner.equals(UNSAFE) && UNSAFE_STORES.contains(call.name)) {
            code.insertBefore(call, BarrierCalls.code().push(site()).build());
            code.set(call, new MethodInsnNode(INVOKESTATIC, "dev/refshadow/agent/internal/UnsafeStores", call.name,
                    "(L" + UNSAFE + ";" + call.desc.substring(1, call.desc.indexOf(')')) + "I)"
                            + call.desc.substring(call.desc.indexOf(')') + 1), false));
            return;
        }
        if (call.owner.equals(UNSAFE) && call.name.equals("allocateInstance")) {
            // An object without a constructor run yet (method handles, serialization): it exists now.
            code.insert(call, BarrierCalls.code().op(DUP).push(site()).call("allocatedInstance", "(" + OBJECT + "I)V").build());
            return;
        }
        if (call.owner.equals("java/lang/System") && call.name.equals("arraycopy")) {
            code.insertBefore(call, BarrierCalls.code().push(site()).build());
            code.set(call, BarrierCalls.barrier("arraycopy", "(" + OBJECT + "I" + OBJECT + "III)V"));
            return;
        }
        if (call.owner.equals("java/util/Arrays") && ARRAY_COPIES.contains(call.name + call.desc)) {
            // Intrinsics: once the caller is compiled, the JIT's copy replaces their code.
            code.insertBefore(call, BarrierCalls.code().push(site()).build());
            MethodInsnNode replacement = BarrierCalls.barrier(call.name, call.desc.replace(")", "I)"));
            code.set(call, replacement);
            code.insert(replacement, BarrierCalls.code().op(DUP).call("returned", "(" + OBJECT + ")V").build());
            return;
        }
        if (call.name.equals("clone") && call.desc.equals("()" + OBJECT)
                && (call.owner.startsWith("[") || call.owner.equals("java/lang/Object"))) {
            code.insert(call, BarrierCalls.code().op(DUP).call("cloned", "(" + OBJECT + ")V").build());
            return;
        }
        if (call.owner.equals("java/lang/reflect/Array") && (call.name.equals("newArray") || call.name.equals("multiNewArray"))) {
            // Array.newInstance's natives: the array exists from here (newInstance itself returns it as usual).
            String barrier = call.name.equals("newArray") ? "newArray" : "newMultiArray";
            code.insert(call, BarrierCalls.code().op(DUP).push(site()).call(barrier, "(" + OBJECT + "I)V").build());
            return;
        }
        if (returnsReference(call.desc)) {
            code.insert(call, BarrierCalls.code().op(DUP).call("returned", "(" + OBJECT + ")V").build());
        }
    }

    private void instrumentInsn(InsnNode insn, int index, boolean framed) {
        int op = insn.getOpcode();
        if (framed && op == POP && followsTemporary(index)) {
            code.insertBefore(insn, BarrierCalls.code().op(DUP).push(site())
                    .call("tempDropped", "(" + OBJECT + "I)V").build());
        } else if (op == AASTORE) {
            code.insertBefore(insn, BarrierCalls.code().push(site()).build());
            code.set(insn, new MethodInsnNode(INVOKESTATIC, EXCHANGES, "arrayStore", "([Ljava/lang/Object;I" + OBJECT + "I)V", false));
        } else if (framed && op == ARETURN) {
            if (VmUpcalls.isUpcall(className, method.name)) {
                code.insertBefore(insn, vmKeeps());
            }
            code.insertBefore(insn, BarrierCalls.code().op(DUP).push(site())
                    .call("exitReturning", "(" + OBJECT + "I)V").build());
        } else if (framed && op >= IRETURN && op <= RETURN) {
            code.insertBefore(insn, BarrierCalls.code().push(site()).call("exit", "(I)V").build());
        }
    }

    /** The returned value, and the appendix a link upcall produced, are kept by the VM. */
    private InsnList vmKeeps() {
        BarrierCalls c = BarrierCalls.code().op(DUP).call("heldByVm", "(" + OBJECT + ")V");
        Type[] args = Type.getArgumentTypes(method.desc);
        if (args.length > 0 && args[args.length - 1].getDescriptor().equals("[" + OBJECT)) {
            int slot = 0;
            for (int i = 0; i < args.length - 1; i++) {
                slot += args[i].getSize();
            }
            c.load(slot).call("appendixHeldByVm", "([" + OBJECT + ")V");
        }
        return c.build();
    }

    /** Whether a jump, switch or handler targets the label at the very start of the method. */
    private boolean firstLabelIsJumpTarget() {
        AbstractInsnNode first = code.getFirst();
        java.util.Set<LabelNode> leading = new java.util.HashSet<>();
        for (AbstractInsnNode n = first; n != null && n.getOpcode() < 0; n = n.getNext()) {
            if (n instanceof LabelNode label) {
                leading.add(label);
            } else if (n instanceof FrameNode) {
                return false;
            }
        }
        for (AbstractInsnNode n : original) {
            if (n instanceof org.objectweb.asm.tree.JumpInsnNode jump && leading.contains(jump.label)) {
                return true;
            }
            if (n instanceof org.objectweb.asm.tree.TableSwitchInsnNode table
                    && (leading.contains(table.dflt) || table.labels.stream().anyMatch(leading::contains))) {
                return true;
            }
            if (n instanceof org.objectweb.asm.tree.LookupSwitchInsnNode lookup
                    && (leading.contains(lookup.dflt) || lookup.labels.stream().anyMatch(leading::contains))) {
                return true;
            }
        }
        return false;
    }

    /** The frame at method entry: the receiver and the arguments, an empty stack. */
    private FrameNode initialFrame() {
        List<Object> locals = new ArrayList<>();
        if ((method.access & ACC_STATIC) == 0) {
            locals.add(className);
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            switch (arg.getSort()) {
                case Type.BOOLEAN, Type.BYTE, Type.CHAR, Type.SHORT, Type.INT -> locals.add(INTEGER);
                case Type.FLOAT -> locals.add(FLOAT);
                case Type.LONG -> locals.add(LONG);
                case Type.DOUBLE -> locals.add(DOUBLE);
                case Type.ARRAY -> locals.add(arg.getDescriptor());
                default -> locals.add(arg.getInternalName());
            }
        }
        return new FrameNode(F_NEW, locals.size(), locals.toArray(), 0, new Object[0]);
    }

    /** A catch-all handler after the code: record the unwinding frame, rethrow. */
    private void addExceptionalExit(LabelNode start) {
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        code.add(end);
        code.add(handler);
        if (addFrames) {
            code.add(new FrameNode(F_NEW, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"}));
        }
        code.add(BarrierCalls.code().op(DUP).push(methodSite())
                .call("exitThrowing", "(Ljava/lang/Throwable;I)V").op(ATHROW).build());
        method.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
    }

    /**
     * Inserts {@code insns} before the first instruction of the line (after its label and frame),
     * or just after it when it is a {@code new}: stack map frames name an uninitialized object by
     * the label of its {@code new}, which must stay on that instruction.
     */
    private void insertAtLineStart(AbstractInsnNode lineNode, InsnList insns) {
        AbstractInsnNode at = lineNode.getNext();
        while (at != null && at.getOpcode() < 0) {
            at = at.getNext();
        }
        if (at == null) {
            return;
        }
        if (at.getOpcode() == NEW) {
            code.insert(at, insns);
        } else {
            code.insertBefore(at, insns);
        }
    }

    /**
     * Whether the value {@code insn} consumes is a temporary this frame holds: the previous
     * instruction (a {@code checkcast} aside) completed a {@code new C; dup; ...; invokespecial}
     * or a call returning a reference, or created an array. Then the store or pop consumes it at
     * once, instead of at the next line.
     */
    private boolean followsTemporary(int index) {
        int at = previousOriginal(index);
        if (at >= 0 && original[at].getOpcode() == CHECKCAST) {
            at = previousOriginal(at);
        }
        AbstractInsnNode prev = at < 0 ? null : original[at];
        if (prev == null) {
            return false;
        }
        switch (prev.getOpcode()) {
            case NEWARRAY, ANEWARRAY, MULTIANEWARRAY:
                return true;
            case INVOKESPECIAL:
                MethodInsnNode init = (MethodInsnNode) prev;
                return init.name.equals("<init>") && !isConstructor;
            case INVOKEVIRTUAL, INVOKESTATIC, INVOKEINTERFACE:
                return returnsReference(((MethodInsnNode) prev).desc);
            case INVOKEDYNAMIC:
                return returnsReference(((InvokeDynamicInsnNode) prev).desc);
            default:
                return false;
        }
    }

    /**
     * The index of the instruction before {@code index} in the original code, skipping labels and
     * frames; -1 if none, or if a new line starts in between (its start released the temporaries).
     */
    private int previousOriginal(int index) {
        int at = index - 1;
        while (at >= 0 && original[at].getOpcode() < 0) {
            if (original[at].getType() == AbstractInsnNode.LINE) {
                return -1;
            }
            at--;
        }
        return at;
    }

    /** Whether the original instruction after {@code index} (inserted code aside) is a {@code dup}. */
    private boolean nextIsDup(int index) {
        int next = index + 1;
        while (next < original.length && original[next].getOpcode() < 0) {
            next++;
        }
        return next < original.length && original[next].getOpcode() == DUP;
    }

    private void collectReferenceSlots(AbstractInsnNode[] insns) {
        int slot = 0;
        if ((method.access & ACC_STATIC) == 0) {
            referenceSlots.set(0);
            slot = 1;
        }
        for (Type arg : Type.getArgumentTypes(method.desc)) {
            if (isReference(arg)) {
                referenceSlots.set(slot);
            }
            slot += arg.getSize();
        }
        for (AbstractInsnNode insn : insns) {
            if (insn.getOpcode() == ASTORE) {
                referenceSlots.set(((VarInsnNode) insn).var);
            }
        }
    }

    private boolean producesTemporaries(AbstractInsnNode[] insns) {
        for (AbstractInsnNode insn : insns) {
            switch (insn.getOpcode()) {
                case NEW, NEWARRAY, ANEWARRAY, MULTIANEWARRAY:
                    return true;
                case INVOKEVIRTUAL, INVOKESPECIAL, INVOKESTATIC, INVOKEINTERFACE:
                    if (returnsReference(((MethodInsnNode) insn).desc)) {
                        return true;
                    }
                    break;
                case INVOKEDYNAMIC:
                    if (returnsReference(((InvokeDynamicInsnNode) insn).desc)) {
                        return true;
                    }
                    break;
                default:
                    break;
            }
        }
        return false;
    }

    /**
     * A method that calls nothing and allocates nothing: while it runs no collection can start
     * and nothing it holds can be the last reference its caller lets go of before it returns, so
     * its frame is not recorded (most of the JDK's small accessors). Its stores still are.
     */
    private static boolean isLeaf(AbstractInsnNode[] insns) {
        for (AbstractInsnNode insn : insns) {
            switch (insn.getType()) {
                case AbstractInsnNode.METHOD_INSN, AbstractInsnNode.INVOKE_DYNAMIC_INSN,
                        AbstractInsnNode.MULTIANEWARRAY_INSN:
                    return false;
                case AbstractInsnNode.TYPE_INSN:
                    if (insn.getOpcode() == NEW || insn.getOpcode() == ANEWARRAY) {
                        return false;
                    }
                    break;
                case AbstractInsnNode.INT_INSN:
                    if (insn.getOpcode() == NEWARRAY) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        return true;
    }

    private boolean hasSubroutines() {
        for (AbstractInsnNode insn : code) {
            if (insn.getOpcode() == JSR || insn.getOpcode() == RET) {
                return true;
            }
        }
        return false;
    }

    private boolean returnsReference() {
        return returnsReference(method.desc);
    }

    private static boolean returnsReference(String descriptor) {
        return isReference(Type.getReturnType(descriptor));
    }

    private static boolean isReference(Type type) {
        return type.getSort() == Type.OBJECT || type.getSort() == Type.ARRAY;
    }

    /** The symbol of a field's label {@code "pkg.Owner.name"}. */
    private static int label(FieldInsnNode field) {
        return Symbols.internField(field.owner, field.name);
    }

    /** The current source site: {@code pkg.Class.method(File.java:line)}. */
    private int site() {
        Integer site = siteByLine.get(line);
        if (site == null) {
            site = Symbols.intern(className.replace('/', '.') + "." + method.name + "(" + sourceFile
                    + (line > 0 ? ":" + line : "") + ")");
            siteByLine.put(line, site);
        }
        return site;
    }

    private int methodSite() {
        int saved = line;
        line = 0;
        int site = site();
        line = saved;
        return site;
    }
}
