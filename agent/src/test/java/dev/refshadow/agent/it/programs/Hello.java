package dev.refshadow.agent.it.programs;

/** Prints one figure: used where only the agent's start-up matters (its options). */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello=1");
    }
}
