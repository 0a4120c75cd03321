package dev.heddle.net.internal.channel;

import dev.heddle.runtime.SelectableOp;
import dev.heddle.select.Select;
import dev.heddle.sim.SimContext;
import dev.heddle.sync.Notify;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.time.Duration;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link Selector} of a simulated task, for the simulated channels in non-blocking mode: a
 * select waits, as one suspension point, until one registered channel is ready for an operation
 * of its key's interest (or the timeout passes in virtual time, or {@link #wakeup()}), then
 * reports every key that is ready. Asking a channel whether it is ready takes nothing from it.
 * Keys are kept and reported in the order they were registered, so a run replays.
 */
public final class SimulatedSelector extends AbstractSelector {
    private final Set<SimulatedSelectionKey> keys = new LinkedHashSet<>();
    private final Set<SimulatedSelectionKey> selected = new LinkedHashSet<>();
    private final Set<SelectionKey> selectedView = new SelectedKeys();
    private final Notify wakeups = new Notify();
    private volatile boolean wakeupPending;

    /** The run of the task that opened it, and that task's name, for a use from outside the run. */
    private final SimContext run;
    private final String openedBy;

    /** Opened by a simulated task of {@code run}. */
    public SimulatedSelector(SelectorProvider provider, SimContext run) {
        super(provider);
        this.run = run;
        this.openedBy = Thread.currentThread().getName();
    }

    /**
     * Fails a select made on a thread that is not a task of the selector's run: a library that
     * opened the selector in a task and selects on a thread of its own (the JDK's HttpClient
     * does) would otherwise do simulated I/O at real times. The run fails as a foreign wake-up
     * naming the thread; the thread gets an exception saying the same.
     */
    private void checkThread() {
        if (SimContext.current().orElse(null) == run) {
            return;
        }
        String resource = "a Selector that task '" + openedBy + "' opened in the simulation";
        run.usedFromOutside(resource);
        throw new IllegalStateException("thread '" + Thread.currentThread().getName() + "' is not a task of the"
                + " simulation and used " + resource + ": a simulated selector serves only that simulation's tasks"
                + " (the JDK's HttpClient, which selects on a thread of its own, cannot run in a simulation)");
    }

    @Override
    protected SelectionKey register(AbstractSelectableChannel channel, int ops, Object attachment) {
        if (!(channel instanceof SimulatedChannel)) {
            throw new IllegalSelectorException();
        }
        ensureOpen();
        SimulatedSelectionKey key = new SimulatedSelectionKey(this, channel);
        key.interestOps(ops);
        key.attach(attachment);
        keys.add(key);
        return key;
    }

    @Override
    public Set<SelectionKey> keys() {
        ensureOpen();
        return Collections.unmodifiableSet(keys);
    }

    /** The selected keys: a key may be removed, as the JDK's, but not added. */
    @Override
    public Set<SelectionKey> selectedKeys() {
        ensureOpen();
        return selectedView;
    }

    @Override
    public int selectNow() {
        return selectFor(-1);
    }

    @Override
    public int select() {
        return selectFor(0);
    }

    /** Waits at most {@code timeout} milliseconds of virtual time; 0 waits until a key is ready. */
    @Override
    public int select(long timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("Negative timeout " + timeout);
        }
        return selectFor(timeout);
    }

    /*
     * The JDK's own select-with-action holds this selector's monitor while it waits, which a
     * simulated task must not do across a suspension point; these do the same without it.
     */
    @Override
    public int select(Consumer<SelectionKey> action, long timeout) {
        if (timeout < 0) {
            throw new IllegalArgumentException("Negative timeout " + timeout);
        }
        return selectAndAct(action, timeout);
    }

    @Override
    public int select(Consumer<SelectionKey> action) {
        return selectAndAct(action, 0);
    }

    @Override
    public int selectNow(Consumer<SelectionKey> action) {
        return selectAndAct(action, -1);
    }

    /** Selects as {@link #selectFor} does and hands each ready key to {@code action} instead of keeping it selected. */
    private int selectAndAct(Consumer<SelectionKey> action, long timeout) {
        Objects.requireNonNull(action, "action");
        ensureOpen();
        selected.clear();
        int updated = selectFor(timeout);
        List<SimulatedSelectionKey> ready = List.copyOf(selected);
        selected.clear();
        for (SimulatedSelectionKey key : ready) {
            if (key.isValid()) {
                action.accept(key);
            }
        }
        return updated;
    }

    /** {@code timeout}: -1 does not wait, 0 waits until a key is ready or a wakeup, more waits that long at most. */
    private int selectFor(long timeout) {
        checkThread();
        ensureOpen();
        removeCancelled();
        int updated = updateReady();
        if (updated > 0 || timeout < 0 || takeWakeup()) {
            return updated;
        }
        Select<Boolean> select = Select.<Boolean>select().biased();
        for (SimulatedSelectionKey key : keys) {
            if (key.isValid()) {
                for (SelectableOp<?> op : key.simulated().readinessOps(key.interestOps())) {
                    select.on(op.orClosed(), ready -> true); // a key closed under the select is ready too
                }
            }
        }
        select.on(wakeups.notifiedOp(), woken -> true);
        if (timeout > 0) {
            select.sleep(Duration.ofMillis(timeout), () -> true);
        }
        select.run();
        takeWakeup();
        removeCancelled();
        return updateReady();
    }

    /** Asks every key's channel what is ready; returns how many keys' ready sets grew. */
    private int updateReady() {
        int updated = 0;
        for (SimulatedSelectionKey key : keys) {
            if (!key.isValid()) {
                continue;
            }
            int ready = key.simulated().readyOps(key.interestOps());
            if (ready == 0) {
                continue;
            }
            if (selected.add(key)) {
                key.setReady(ready);
                updated++;
            } else if ((key.readyOps() | ready) != key.readyOps()) {
                key.setReady(key.readyOps() | ready);
                updated++;
            }
        }
        return updated;
    }

    /** Drops the cancelled keys from this selector and from their channels. */
    private void removeCancelled() {
        Set<SelectionKey> cancelled = cancelledKeys();
        List<SelectionKey> dropping;
        synchronized (cancelled) {
            dropping = new ArrayList<>(cancelled);
            cancelled.clear();
        }
        for (SelectionKey key : dropping) {
            keys.remove(key);
            selected.remove(key);
            deregister((SimulatedSelectionKey) key);
        }
    }

    private boolean takeWakeup() {
        boolean pending = wakeupPending;
        wakeupPending = false;
        return pending;
    }

    @Override
    public Selector wakeup() {
        wakeupPending = true;
        wakeups.notifyWaiters();
        return this;
    }

    @Override
    protected void implCloseSelector() {
        wakeup();
        for (SimulatedSelectionKey key : List.copyOf(keys)) {
            key.cancel();
        }
        removeCancelled();
    }

    private void ensureOpen() {
        if (!isOpen()) {
            throw new ClosedSelectorException();
        }
    }

    @Override
    public String toString() {
        return "simulated Selector with " + keys.size() + " keys";
    }

    /** The view of the selected keys handed out: removal allowed, addition not, as the JDK's. */
    private final class SelectedKeys extends AbstractSet<SelectionKey> {
        @Override
        public Iterator<SelectionKey> iterator() {
            Iterator<SimulatedSelectionKey> inner = selected.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public SelectionKey next() {
                    return inner.next();
                }

                @Override
                public void remove() {
                    inner.remove();
                }
            };
        }

        @Override
        public int size() {
            return selected.size();
        }

        @Override
        public boolean contains(Object key) {
            return selected.contains(key);
        }

        @Override
        public boolean remove(Object key) {
            return selected.remove(key);
        }

        @Override
        public void clear() {
            selected.clear();
        }
    }
}
