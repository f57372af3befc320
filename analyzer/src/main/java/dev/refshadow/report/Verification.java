package dev.refshadow.report;

/**
 * The agent's verification against the JVM's own collector ({@code verify=true} or
 * {@code verify=sample:N}): what became of the objects it watched.
 *
 * @param mode {@code all}, or {@code sample:N} when one object in N was watched
 * @param reclaimedByJvm watched objects the JVM reclaimed, each judged agreed, kept alive or discovered
 * @param agreed reclaimed objects the shadow had freed by refcount or found as cyclic garbage
 * @param agreement agreed / (agreed + keptAliveOutsideCycles + prematureFrees); 1.0 when that is 0
 * @param keptAliveOutsideCycles reclaimed objects the shadow still held at exit, outside any reported cycle
 * @param prematureFrees watched objects that reached a barrier after the shadow freed them
 * @param discovered reclaimed objects the shadow held because it discovered them (pinned): not judged
 */
public record Verification(String mode, long watched, long reclaimedByJvm, long agreed, double agreement,
                           long keptAliveOutsideCycles, long prematureFrees, long discovered) {

    /** The figures, with the agreement computed from them. */
    public static Verification of(String mode, long watched, long reclaimedByJvm, long agreed,
                                  long keptAliveOutsideCycles, long prematureFrees, long discovered) {
        long judged = agreed + keptAliveOutsideCycles + prematureFrees;
        double agreement = judged == 0 ? 1.0 : (double) agreed / judged;
        return new Verification(mode, watched, reclaimedByJvm, agreed, agreement, keptAliveOutsideCycles,
                prematureFrees, discovered);
    }
}
