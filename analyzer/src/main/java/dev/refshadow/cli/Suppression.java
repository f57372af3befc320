package dev.refshadow.cli;

import dev.refshadow.report.LeakGroup;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * One line of a suppressions file: a target (a fingerprint, or a glob over the group's class
 * names and {@code Class.field} names of its cycle and suggested edge), a reason and an
 * optional expiry date (the last day it applies).
 *
 * @param line the line number in its file, for messages
 */
record Suppression(String source, int line, String target, String reason, LocalDate expires) {
    private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{16}");

    boolean isFingerprint() {
        return FINGERPRINT.matcher(target).matches();
    }

    boolean expiredOn(LocalDate today) {
        return expires != null && today.isAfter(expires);
    }

    boolean matches(LeakGroup g) {
        if (isFingerprint()) {
            return target.equals(g.fingerprint());
        }
        Pattern glob = glob(target);
        return g.classes().stream().anyMatch(c -> glob.matcher(c.name()).matches())
                || g.edges().stream().anyMatch(e -> glob.matcher(e.from() + "." + e.field()).matches())
                || g.suggestedWeakEdge() != null
                        && glob.matcher(g.suggestedWeakEdge().from() + "." + g.suggestedWeakEdge().field()).matches();
    }

    /** {@code *} matches any run of characters, {@code ?} one character; everything else is literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Where it was written and what it names, for messages. */
    String where() {
        return source + ":" + line + ": " + target;
    }
}
