package dev.refshadow.agent.it.programs;

import dev.refshadow.Gc;

/** Run WITHOUT -javaagent (the agent jar only on the class path): every Gc call must say how to attach it. */
public final class NoAgent {
    private NoAgent() {
    }

    public static void main(String[] args) {
        report("collect", () -> Gc.collect());
        report("getRefCount", () -> Gc.getRefCount(new Object()));
        report("getCount", () -> Gc.getCount());
        report("isEnabled", () -> Gc.isEnabled());
    }

    interface Call {
        Object call();
    }

    static void report(String name, Call call) {
        String thrown;
        String message = "";
        try {
            call.call();
            thrown = "none";
        } catch (RuntimeException e) {
            thrown = e.getClass().getName();
            message = String.valueOf(e.getMessage());
        }
        System.out.println(name + ".thrown=" + thrown);
        System.out.println(name + ".names.javaagent=" + message.contains("-javaagent"));
        System.out.println(name + ".names.jar=" + message.contains("refshadow-agent.jar"));
        System.out.println(name + ".message=" + message);
    }
}
