package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.util.ArrayList;
import java.util.List;

/**
 * An inner-class listener registered with a button its outer object owns: Dialog -> Button ->
 * listeners -> OkListener -> (this$0) Dialog. Dropping the dialog leaves the whole group cyclic.
 * {@link InnerClassListenerFixed} holds the dialog weakly instead.
 */
public final class InnerClassListener {
    static final class Button {
        final List<Runnable> listeners = new ArrayList<>();

        void onClick(Runnable listener) {
            listeners.add(listener);
        }
    }

    static final class Dialog {
        final Button ok = new Button();
        boolean closed;

        Dialog() {
            ok.onClick(new OkListener());
        }

        final class OkListener implements Runnable {
            @Override
            public void run() {
                closed = true;
            }
        }
    }

    private InnerClassListener() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(InnerClassListener.class);

        Dialog dialog = new Dialog();
        f.put("refcount.dialog", Gc.getRefCount(dialog)); // the variable and the listener's this$0
        dialog = null;
        f.put("collected", Gc.collect()); // Dialog, Button, ArrayList, its array, OkListener
        f.print();
    }
}
