package dev.refshadow.agent.instrument;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/** A small builder of the instruction sequences that call {@code dev.refshadow.agent.runtime.Barrier}. */
final class BarrierCalls {
    static final String BARRIER = "dev/refshadow/agent/runtime/Barrier";

    private final InsnList insns = new InsnList();

    static BarrierCalls code() {
        return new BarrierCalls();
    }

    BarrierCalls op(int opcode) {
        insns.add(new InsnNode(opcode));
        return this;
    }

    BarrierCalls push(int value) {
        insns.add(new LdcInsnNode(value));
        return this;
    }

    BarrierCalls load(int slot) {
        insns.add(new VarInsnNode(Opcodes.ALOAD, slot));
        return this;
    }

    BarrierCalls add(AbstractInsnNode node) {
        insns.add(node);
        return this;
    }

    /** {@code invokestatic Barrier.name descriptor}. */
    BarrierCalls call(String name, String descriptor) {
        insns.add(barrier(name, descriptor));
        return this;
    }

    static MethodInsnNode barrier(String name, String descriptor) {
        return new MethodInsnNode(Opcodes.INVOKESTATIC, BARRIER, name, descriptor, false);
    }

    InsnList build() {
        return insns;
    }
}
