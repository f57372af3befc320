package dev.refshadow.agent.shadow;

/**
 * Java objects to shadow ids, by identity: an open-addressing table on
 * {@code System.identityHashCode}, with backward-shift deletion, and the reverse array.
 * Holds the objects strongly until the shadow frees them. Analyzer thread only. Verification
 * mode extends it to hold the objects it watches weakly ({@code dev.refshadow.agent.verify});
 * without it, this is the only class loaded and its calls stay monomorphic.
 */
public class ObjectIds {
    private Object[] keys = new Object[1 << 16];
    private int[] values = new int[1 << 16];
    private int size;
    private Object[] byId = new Object[1 << 16];

    /** The id of {@code o}, 0 for null or unknown. */
    public int get(Object o) {
        if (o == null) {
            return 0;
        }
        int mask = keys.length - 1;
        for (int i = hash(o) & mask; ; i = (i + 1) & mask) {
            Object k = keys[i];
            if (k == o) {
                return values[i];
            }
            if (k == null) {
                return 0;
            }
        }
    }

    public void put(Object o, int id) {
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = hash(o) & mask;
        while (keys[i] != null && keys[i] != o) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            size++;
        }
        keys[i] = o;
        values[i] = id;
        if (id >= byId.length) {
            Object[] grown = new Object[Math.max(id + 1, byId.length * 2)];
            System.arraycopy(byId, 0, grown, 0, byId.length);
            byId = grown;
        }
        byId[id] = o;
    }

    /**
     * Whether {@code o} belongs to the agent and must stay unknown to the shadow, even when an
     * application thread (such as the JDK's Reference Handler) meets it: never discovered, it
     * reads as null. None here.
     */
    public boolean unseen(Object o) {
        return false;
    }

    /** The object of {@code id}, null if none. */
    public Object object(int id) {
        return stored(id);
    }

    /** The object of {@code id} in this table (not a subclass's). */
    private Object stored(int id) {
        return id < byId.length ? byId[id] : null;
    }

    /** Forgets the object of {@code id} (freed by the shadow). */
    public void remove(int id) {
        Object o = stored(id);
        if (o == null) {
            return;
        }
        byId[id] = null;
        int mask = keys.length - 1;
        int i = hash(o) & mask;
        while (keys[i] != o) {
            if (keys[i] == null) {
                return;
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps every probe chain intact.
        int hole = i;
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            Object k = keys[j];
            if (k == null) {
                break;
            }
            int home = hash(k) & mask;
            boolean stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!stays) {
                keys[hole] = k;
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = null;
        values[hole] = 0;
        size--;
    }

    public int size() {
        return size;
    }

    private void rehash(int capacity) {
        Object[] oldKeys = keys;
        int[] oldValues = values;
        keys = new Object[capacity];
        values = new int[capacity];
        size = 0;
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            Object k = oldKeys[i];
            if (k != null) {
                int j = hash(k) & mask;
                while (keys[j] != null) {
                    j = (j + 1) & mask;
                }
                keys[j] = k;
                values[j] = oldValues[i];
                size++;
            }
        }
    }

    private static int hash(Object o) {
        int h = System.identityHashCode(o) * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
