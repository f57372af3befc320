package dev.refshadow.agent.runtime;

import dev.refshadow.agent.shadow.Shadow;

/**
 * Work an application thread asks of the analyzer thread, answered synchronously: everything
 * recorded before the call, by every thread, is applied first. Subclasses, not lambdas: code
 * that application threads run on the agent's behalf avoids {@code invokedynamic}.
 */
public abstract class Request {
    private boolean done;
    private Throwable failure;

    /** Runs on the analyzer thread. */
    protected abstract void run(Shadow shadow);

    final synchronized void complete(Throwable failure) {
        this.failure = failure;
        this.done = true;
        notifyAll();
    }

    final synchronized void await() throws InterruptedException {
        while (!done) {
            wait(10);
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
