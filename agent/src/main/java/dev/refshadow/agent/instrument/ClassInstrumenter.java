package dev.refshadow.agent.instrument;

import dev.refshadow.agent.runtime.Finalizers;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/** Instruments every method of one class file. */
public final class ClassInstrumenter {
    private ClassInstrumenter() {
    }

    /** The instrumented class file, or null when the class is left as it is. */
    public static byte[] instrument(byte[] classFile) {
        Set<String> tooLarge = new HashSet<>();
        while (true) {
            try {
                return instrument(classFile, tooLarge);
            } catch (MethodTooLargeException e) {
                // Leave that method as it is, instrument the rest.
                if (!tooLarge.add(e.getMethodName() + e.getDescriptor())) {
                    return null;
                }
            }
        }
    }

    private static byte[] instrument(byte[] classFile, Set<String> skip) {
        ClassReader reader = new ClassReader(classFile);
        ClassNode node = new ClassNode();
        reader.accept(node, ClassReader.EXPAND_FRAMES);
        boolean changed = false;
        if (node.name.equals("java/lang/Object")) {
            for (MethodNode m : node.methods) {
                if (m.name.equals("<init>")) {
                    MethodInstrumenter.instrumentObjectConstructor(m);
                    changed = true;
                }
            }
        } else {
            int major = node.version & 0xFFFF;
            for (MethodNode m : node.methods) {
                if (m.name.equals("finalize") && m.desc.equals("()V") && (m.access & Opcodes.ACC_STATIC) == 0) {
                    Finalizers.declaredBy(node.name);
                }
                if (skip.contains(m.name + m.desc)) {
                    continue;
                }
                boolean frames = major > Opcodes.V1_6 || (major == Opcodes.V1_6 && hasFrames(m));
                changed |= new MethodInstrumenter(node.name, node.sourceFile, m, frames, major >= Opcodes.V1_5).instrument();
            }
        }
        if (!changed) {
            return null;
        }
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        node.accept(writer);
        return writer.toByteArray();
    }

    private static boolean hasFrames(MethodNode m) {
        for (var insn : m.instructions) {
            if (insn instanceof FrameNode) {
                return true;
            }
        }
        return false;
    }
}
