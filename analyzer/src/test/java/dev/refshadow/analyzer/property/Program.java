package dev.refshadow.analyzer.property;

import java.util.List;

/** A sequence of events over objects numbered in allocation order. */
record Program(List<Event> events) {
    void runOn(Mirror mirror) {
        events.forEach(e -> e.applyTo(mirror));
    }
}
