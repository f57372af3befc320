package dev.refshadow.report.leaks;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Field names that conventionally point back up a structure (the natural candidates for a weak
 * reference in a reference-counted port), ranked: owner links first, then list back-links, then
 * listener and observer registrations.
 */
public final class BackPointers {
    public static final int OWNER = 0;
    public static final int BACK_LINK = 1;
    public static final int REGISTRATION = 2;
    public static final int OTHER = 3;

    private static final Pattern OWNER_NAMES =
            Pattern.compile("parent|owner|outer|this\\$\\d+|container|enclosing|root");
    private static final Pattern BACK_LINK_NAMES = Pattern.compile("prev|previous|back|predecessor|pred");
    private static final Pattern REGISTRATION_NAMES =
            Pattern.compile(".*(listener|observer|subscriber|callback|handler|watcher).*");

    private BackPointers() {
    }

    public static int rank(String field) {
        String f = field.toLowerCase(Locale.ROOT);
        if (OWNER_NAMES.matcher(f).matches()) {
            return OWNER;
        }
        if (BACK_LINK_NAMES.matcher(f).matches()) {
            return BACK_LINK;
        }
        if (REGISTRATION_NAMES.matcher(f).matches()) {
            return REGISTRATION;
        }
        return OTHER;
    }

    /** Why a field of this rank is a good weak reference, or null for {@link #OTHER}. */
    public static String describe(int rank) {
        switch (rank) {
            case OWNER: return "a back-pointer to its owner";
            case BACK_LINK: return "a backward link";
            case REGISTRATION: return "a listener/observer registration";
            default: return null;
        }
    }
}
