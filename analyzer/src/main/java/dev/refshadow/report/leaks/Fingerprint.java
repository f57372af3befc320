package dev.refshadow.report.leaks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fingerprint of a garbage component: its class-level shape, that is the set of its
 * (normalised) class names and the set of its class-level edges {@code Class --label--> Class},
 * sorted, written one per line and hashed with SHA-256; the first {@value #HEX_DIGITS} hex
 * digits are the fingerprint. Object counts, ids, addresses and order play no part, so a
 * structure of the same shape gets the same fingerprint in every run, on every machine, at
 * every size (a ring of 3 and a ring of 300 of the same class are the same leak).
 */
public final class Fingerprint {
    public static final int HEX_DIGITS = 16;
    private static final String VERSION_LINE = "refshadow-fingerprint/1\n";

    private Fingerprint() {
    }

    /** The fingerprint of a shape given by its class names and class-level edges. */
    public static String of(Set<String> classNames, Set<EdgeKey> edges) {
        StringBuilder canonical = new StringBuilder(VERSION_LINE);
        new TreeSet<>(classNames).forEach(c -> canonical.append("class ").append(c).append('\n'));
        new TreeSet<>(edges).forEach(e -> canonical.append("edge ").append(e.from()).append(' ')
                .append(e.label()).append(' ').append(e.to()).append('\n'));
        return hex(sha256(canonical.toString()), HEX_DIGITS);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes, int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; sb.length() < digits; i++) {
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
