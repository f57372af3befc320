package dev.refshadow.samples;

import dev.refshadow.Gc;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link InnerClassListener} fixed: the listener is a static nested class that holds its dialog
 * in a WeakReference (a referent is not a counted reference). Dropping the dialog frees
 * everything by reference counting alone.
 */
public final class InnerClassListenerFixed {
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
            ok.onClick(new OkListener(this));
        }
    }

    static final class OkListener implements Runnable {
        private final WeakReference<Dialog> dialog;

        OkListener(Dialog dialog) {
            this.dialog = new WeakReference<>(dialog);
        }

        @Override
        public void run() {
            Dialog d = dialog.get();
            if (d != null) {
                d.closed = true;
            }
        }
    }

    private InnerClassListenerFixed() {
    }

    public static void main(String[] args) {
        Figures f = Figures.start(InnerClassListenerFixed.class);

        Dialog dialog = new Dialog();
        f.put("refcount.dialog", Gc.getRefCount(dialog)); // the variable only
        dialog = null;
        f.put("collected", Gc.collect()); // nothing: no cycle left
        f.print();
    }
}
