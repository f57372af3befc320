package dev.refshadow.agent.verify;

import dev.refshadow.agent.shadow.ObjectIds;

/**
 * The shadow's object ids in verification mode: the objects the {@link Verifier} samples are
 * held only weakly, by their watch, so that the JVM can reclaim them whatever the shadow thinks;
 * the others as usual.
 */
public final class WatchingObjectIds extends ObjectIds {
    private final Verifier verifier;

    public WatchingObjectIds(Verifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public int get(Object o) {
        int id = super.get(o);
        return id != 0 ? id : verifier.idOf(o);
    }

    @Override
    public void put(Object o, int id) {
        if (verifier.sampleNext()) {
            verifier.watch(o, id);
        } else {
            super.put(o, id);
        }
    }

    @Override
    public Object object(int id) {
        Object o = super.object(id);
        return o != null ? o : verifier.object(id);
    }

    @Override
    public boolean unseen(Object o) {
        return o instanceof Watch;
    }

    @Override
    public void remove(int id) {
        super.remove(id);
        verifier.freed(id);
    }
}
