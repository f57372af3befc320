package dev.refshadow.agent.instrument;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Finds, in a constructor, the {@code invokespecial <init>} that initializes {@code this}
 * (the {@code super(...)} or {@code this(...)} call). ASM's {@link AdviceAdapter} simulates the
 * operand stack to tell it apart from the constructors of objects created with {@code new}.
 */
final class SuperCallFinder {
    private SuperCallFinder() {
    }

    /** The index in {@code method.instructions} of the call, or -1 if none was found. */
    static int find(String owner, MethodNode method) {
        int[] found = {-1};
        int[] index = {0};
        MethodVisitor counter = new MethodVisitor(Opcodes.ASM9) {
        };
        AdviceAdapter adapter = new AdviceAdapter(Opcodes.ASM9, counter, method.access, method.name, method.desc) {
            @Override
            protected void onMethodEnter() {
                if (found[0] < 0) {
                    found[0] = index[0] - 1;
                }
            }
        };
        // Feed the instructions one by one, so that index tracks the position AdviceAdapter is at.
        adapter.visitCode();
        AbstractInsnNode[] insns = method.instructions.toArray();
        for (AbstractInsnNode insn : insns) {
            index[0]++;
            insn.accept(adapter);
            if (found[0] >= 0) {
                break;
            }
        }
        return found[0];
    }
}
