package dev.refshadow.agent.verify;

import java.lang.ref.WeakReference;

/**
 * One watched object: held weakly, with the shadow id it got and what became of it since. It has
 * no reference queue: the JDK's Reference Handler thread, whose events are recorded, then only
 * passes it through locals, which the shadow reads as null (see {@link WatchingObjectIds#unseen}).
 */
final class Watch extends WeakReference<Object> {
    /** The object's identity hash: the table still needs it once the JVM has reclaimed the object. */
    final int hash;
    /** The object's shadow id; the id may be reused once {@link #freed} is set. */
    final int id;
    /** Next watch in the same bucket of the {@link WatchTable}. */
    Watch next;
    /** The shadow freed the object (by refcount or as cyclic garbage). */
    boolean freed;
    /** The JVM reclaimed the object and the watch left the table. */
    boolean reclaimed;

    Watch(Object o, int id) {
        super(o);
        this.hash = System.identityHashCode(o);
        this.id = id;
    }
}
