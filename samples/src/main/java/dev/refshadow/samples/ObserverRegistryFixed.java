package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ObserverRegistry} fixed: a widget unregisters when it is closed, which breaks the
 * bus -> widget edge. Dropping the bus and the widgets then frees them by reference counting.
 */
public final class ObserverRegistryFixed {
    static final class EventBus {
        final List<Object> observers = new ArrayList<>();

        void register(Object observer) {
            observers.add(observer);
        }

        void unregister(Object observer) {
            observers.remove(observer);
        }
    }

    static final class PriceWidget implements AutoCloseable {
        final EventBus bus;

        PriceWidget(EventBus bus) {
            this.bus = bus;
            bus.register(this);
        }

        @Override
        public void close() {
            bus.unregister(this);
        }
    }

    private ObserverRegistryFixed() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(ObserverRegistryFixed.class);

        EventBus bus = new EventBus();
        PriceWidget first = new PriceWidget(bus);
        PriceWidget second = new PriceWidget(bus);
        first.close();
        second.close();
        f.put("refcount.bus", Gc.getRefCount(bus)); // the variable and two widgets
        f.put("observers", bus.observers.size());
        first = null;
        second = null;
        bus = null;
        f.put("collected", Gc.collect()); // nothing
        f.print();
    }
}
