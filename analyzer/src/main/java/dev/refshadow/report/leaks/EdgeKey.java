package dev.refshadow.report.leaks;

/**
 * A class-level edge: objects of class {@code from} refer through {@code label} (a field label
 * such as {@code com.acme.Node.next}, or {@code [*]} for array slots) to objects of class
 * {@code to}. Names are normalised.
 */
public record EdgeKey(String from, String label, String to) implements Comparable<EdgeKey> {
    /** The field's own name: the label after its declaring class. */
    public String field() {
        return fieldOf(label);
    }

    public static String fieldOf(String label) {
        int dot = label.lastIndexOf('.');
        return dot < 0 ? label : label.substring(dot + 1);
    }

    @Override
    public int compareTo(EdgeKey o) {
        int c = from.compareTo(o.from);
        if (c == 0) {
            c = label.compareTo(o.label);
        }
        return c != 0 ? c : to.compareTo(o.to);
    }

    @Override
    public String toString() {
        return from + " --" + label + "--> " + to;
    }
}
