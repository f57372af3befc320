package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * An observer registry: each widget keeps its bus and registers itself with it, so bus ->
 * observers -> widget -> bus. Nobody unregisters: dropping the bus leaves everything cyclic.
 * {@link ObserverRegistryFixed} unregisters explicitly.
 */
public final class ObserverRegistry {
    static final class EventBus {
        final List<Object> observers = new ArrayList<>();

        void register(Object observer) {
            observers.add(observer);
        }
    }

    static final class PriceWidget {
        final EventBus bus;

        PriceWidget(EventBus bus) {
            this.bus = bus;
            bus.register(this);
        }
    }

    private ObserverRegistry() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(ObserverRegistry.class);

        EventBus bus = new EventBus();
        new PriceWidget(bus);
        new PriceWidget(bus);
        f.put("refcount.bus", Gc.getRefCount(bus)); // the variable and two widgets
        bus = null;
        f.put("collected", Gc.collect()); // the bus, its list and array, two widgets
        f.print();
    }
}
