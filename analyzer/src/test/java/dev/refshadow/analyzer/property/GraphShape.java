package dev.refshadow.analyzer.property;

/**
 * The parameters of a random program; jqwik generates and shrinks these, and
 * {@link ProgramGenerator} derives the program from them, the same one for the same shape.
 *
 * @param objects          number of objects allocated
 * @param containerPercent share of tracked objects; the others are untracked holders
 * @param maxSlots         each object has 0..maxSlots reference fields or array slots (some arrays more)
 * @param locality         most references go to objects at most this far away in allocation order
 * @param overwritePercent share of fields that are assigned a second time
 * @param externalPercent  share of objects that keep external references (statics, locals)
 * @param seed             everything else
 */
record GraphShape(int objects, int containerPercent, int maxSlots, int locality, int overwritePercent,
                  int externalPercent, long seed) {
}
