package dev.heddle.sim;

import dev.heddle.runtime.internal.Node;

/**
 * One life of a simulated host, from its start or restart to its crash: the {@link Node} its
 * tasks run on, so that every task knows which life it belongs to. Its name and clock are the
 * host's; what dies with it is its tasks: when the host crashes they are stopped, and a task
 * one of them spawns afterwards is stopped before it runs, while the next incarnation's tasks
 * run as new.
 */
final class Incarnation implements Node {
    private final Host host;
    private final int number;

    Incarnation(Host host, int number) {
        this.host = host;
        this.number = number;
    }

    Host host() {
        return host;
    }

    /** 1 for the host's first life, 2 after its first restart, and so on. */
    int number() {
        return number;
    }

    /** True until the host crashes in this incarnation. */
    boolean isAlive() {
        return host.currentIncarnation() == this && host.state() != Host.State.CRASHED;
    }

    /** True while the host is paused in this incarnation: its tasks are held, not run. */
    boolean isPaused() {
        return host.currentIncarnation() == this && host.state() == Host.State.PAUSED;
    }

    @Override
    public String name() {
        return host.name();
    }

    @Override
    public long localTime(long driverTime) {
        return host.clock().localTime(driverTime);
    }

    @Override
    public long driverTime(long localTime) {
        return host.clock().trueTime(localTime);
    }

    @Override
    public String toString() {
        return host.name() + " (incarnation " + number + ")";
    }
}
