package dev.heddle.net;

import dev.heddle.runtime.Heddle;
import dev.heddle.sim.Host;
import dev.heddle.sim.SimContext;
import dev.heddle.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A nemesis, as Jepsen calls it: run inside a simulation, it injects faults at seeded random
 * times into the hosts started so far, and undoes each one after a seeded while. Four kinds,
 * each at its own rate (mean faults per second of virtual time, 0 for none), and a fifth:
 * <ul>
 * <li>{@code "net.partition"}: one partition at a time, a new one replacing the last: a host
 *     isolated, the hosts cut in two, a minority cut from the majority, a Jepsen bridge or
 *     majorities ring ({@link SimNet});
 * <li>{@code "net.clog"}: a host's messages held, or a FoundationDB swizzle-clog of a subset;
 * <li>{@code "host.crash"}: a host crashed, restarted later ({@link Host#crash()});
 * <li>{@code "host.pause"}: a host paused, resumed later, as a long GC pause ({@link Host#pause()});
 * <li>{@code "net.partition.one-way"}: one host's messages stop reaching another while the other
 *     way still works ({@link SimNet#partitionOneWay}), several at once, each repaired after its
 *     while: the asymmetric partition of a half-broken link or a firewall rule, under which a node
 *     hears a leader that cannot hear it.
 * </ul>
 * Each kind with a rate is a configured fault of the run ({@link SimContext#faultConfigured})
 * and each fault injected a firing (counted by {@link SimNet} for each partition cut and host
 * clogged, by chaos for each crash, pause and one-way cut, which {@link SimNet} counts as a
 * {@code "net.partition"} too), so {@code SimulationResult.faults()} shows what
 * chaos did, and a kind that found nothing to hit (no host started, say) is inert there. In swarm mode
 * ({@code Simulation.swarm(true)}) a rate set here is the largest one: the seed's
 * {@code SwarmProfile} turns each kind off or draws its rate up to that, so a sweep of seeds
 * mixes the kinds differently.
 *
 * <pre>{@code
 * Chaos chaos = Chaos.builder().partitions(0.2).crashes(0.05).pauses(0.05)
 *         .lasting(Duration.ofMillis(100), Duration.ofSeconds(5))
 *         .hosts("db-1", "db-2", "db-3")          // clients are hosts too: spare them
 *         .build();
 * chaos.run(Duration.ofMinutes(2));               // from the test body; the workload runs meanwhile
 * }</pre>
 * {@link Phases} runs it, heals every fault and checks the system recovers. A {@code Chaos} is
 * only its settings: one can serve every seed of a sweep.
 */
public final class Chaos {
    static final String PARTITION = "net.partition";
    static final String CLOG = "net.clog";
    static final String CRASH = "host.crash";
    static final String PAUSE = "host.pause";
    static final String ONE_WAY = "net.partition.one-way";

    private final double partitions;
    private final double clogs;
    private final double crashes;
    private final double pauses;
    private final double oneWayPartitions;
    private final long minLastingNanos;
    private final long maxLastingNanos;
    private final List<String> hosts;

    private Chaos(Builder b) {
        this.partitions = b.partitions;
        this.clogs = b.clogs;
        this.crashes = b.crashes;
        this.pauses = b.pauses;
        this.oneWayPartitions = b.oneWayPartitions;
        this.minLastingNanos = b.minLasting.toNanos();
        this.maxLastingNanos = b.maxLasting.toNanos();
        this.hosts = b.hosts;
    }

    /** Settings for a chaos that injects nothing until rates are given. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Injects faults for {@code duration} of virtual time on the calling task, then returns; the
     * faults still in force then (a host crashed, a partition) stay until something heals them,
     * as {@link Phases#thenHeal()} does. Call it from the test body: a host that crashes its own
     * caller stops it. Partitions made meanwhile by others may be repaired by it.
     *
     * @throws IllegalStateException outside a simulation
     * @throws IllegalArgumentException when {@code duration} is negative, or a host named in
     *     {@link Builder#hosts} was not started
     */
    public void run(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("chaos duration must not be negative, was " + duration);
        }
        SimContext context = SimContext.current().orElseThrow(() -> new IllegalStateException(
                "Chaos.run outside a simulation: chaos injects simulated faults; run it in Simulation.run's body"));
        new Nemesis(context, SimNet.current()).run(duration.toNanos());
    }

    /** The rates, the fault durations and the hosts chaos may hit, checked when set. */
    public static final class Builder {
        private double partitions;
        private double clogs;
        private double crashes;
        private double pauses;
        private double oneWayPartitions;
        private Duration minLasting = Duration.ofMillis(100);
        private Duration maxLasting = Duration.ofSeconds(5);
        private List<String> hosts;

        private Builder() {}

        /** Partitions per second of virtual time, on average. */
        public Builder partitions(double perSecond) {
            this.partitions = rate("partitions", perSecond);
            return this;
        }

        /** Clogs (of one host, or a swizzle of several) per second of virtual time, on average. */
        public Builder clogs(double perSecond) {
            this.clogs = rate("clogs", perSecond);
            return this;
        }

        /** Host crashes per second of virtual time, on average; each host is restarted after its while. */
        public Builder crashes(double perSecond) {
            this.crashes = rate("crashes", perSecond);
            return this;
        }

        /** Host pauses per second of virtual time, on average; each host is resumed after its while. */
        public Builder pauses(double perSecond) {
            this.pauses = rate("pauses", perSecond);
            return this;
        }

        /**
         * One-way cuts per second of virtual time, on average: a seeded host's messages stop
         * reaching another seeded host, and the cut is repaired after its while; the other way,
         * and every other link, still works. Several can be in force at once, unlike
         * {@link #partitions}.
         */
        public Builder oneWayPartitions(double perSecond) {
            this.oneWayPartitions = rate("one-way partitions", perSecond);
            return this;
        }

        /** How long each fault lasts before chaos undoes it: drawn uniformly in [min, max]. Default 100 ms to 5 s. */
        public Builder lasting(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("faults lasting from " + min + " to " + max
                        + ": give 0 <= min <= max");
            }
            this.minLasting = min;
            this.maxLasting = max;
            return this;
        }

        /**
         * The only hosts chaos partitions, clogs, crashes and pauses (clients are hosts too, and a
         * test usually spares them). Default: every host started.
         */
        public Builder hosts(String... names) {
            Objects.requireNonNull(names, "names");
            if (names.length == 0) {
                throw new IllegalArgumentException("hosts() names no host; leave it out to target every host");
            }
            for (String name : names) {
                if (name == null || name.isBlank()) {
                    throw new IllegalArgumentException("host name \"" + name + "\" in hosts" + Arrays.toString(names)
                            + " is blank");
                }
            }
            this.hosts = List.of(names);
            return this;
        }

        public Chaos build() {
            return new Chaos(this);
        }

        private static double rate(String what, double perSecond) {
            if (!(perSecond >= 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException(what + " rate must be a finite number of faults per second, 0 or"
                        + " more, was " + perSecond);
            }
            return perSecond;
        }
    }

    /** One run of chaos: the next time of each kind, and the undos due, on the calling task. */
    private final class Nemesis {
        private final SimContext context;
        private final SimNet net;
        private final Clock clock = Heddle.clock();
        /** Chaos's own stream, split once from the network's, so its draws shift no other choice. */
        private final SplittableRandom random;
        private final PriorityQueue<Undo> undos =
                new PriorityQueue<>(Comparator.comparingLong(Undo::at).thenComparingLong(Undo::order));
        private long undoOrder;
        private Undo partitionUndo;

        Nemesis(SimContext context, SimNet net) {
            this.context = context;
            this.net = net;
            this.random = new SplittableRandom(context.networkRandom().nextLong());
        }

        void run(long durationNanos) {
            List<Kind> kinds = new ArrayList<>();
            addKind(kinds, PARTITION, partitions, this::partition);
            addKind(kinds, CLOG, clogs, this::clog);
            addKind(kinds, CRASH, crashes, this::crash);
            addKind(kinds, PAUSE, pauses, this::pause);
            addKind(kinds, ONE_WAY, oneWayPartitions, this::oneWayPartition);
            targets(); // fails now, naming it, on a host given to hosts() that was not started
            long end = clock.now() + durationNanos;
            for (Kind k : kinds) {
                k.next = clock.now() + k.interval(random);
            }
            while (true) {
                long next = end;
                for (Kind k : kinds) {
                    next = Math.min(next, k.next);
                }
                if (!undos.isEmpty()) {
                    next = Math.min(next, undos.peek().at());
                }
                clock.sleepUntil(next);
                while (!undos.isEmpty() && undos.peek().at() <= next) {
                    Undo undo = undos.poll();
                    if (undo == partitionUndo) {
                        partitionUndo = null;
                    }
                    undo.action().run();
                }
                if (next >= end) {
                    return;
                }
                for (Kind k : kinds) {
                    if (k.next <= next) {
                        k.inject.run();
                        k.next = next + k.interval(random);
                    }
                }
            }
        }

        private void addKind(List<Kind> kinds, String name, double configured, Runnable inject) {
            double rate = context.swarm().map(p -> configured > 0 ? p.rate(name, configured) : 0).orElse(configured);
            if (rate > 0) {
                context.faultConfigured(name);
                kinds.add(new Kind(rate, inject));
            }
        }

        /** A new partition, replacing the last one chaos made; {@link SimNet} counts it. */
        private void partition() {
            List<Host> targets = targets();
            if (targets.size() < 2) {
                return;
            }
            if (partitionUndo != null) {
                undos.remove(partitionUndo);
                net.repairAll();
            }
            List<String> names = targets.stream().map(Host::name).toList();
            int shapes = hosts == null && names.size() >= 3 ? 5 : 2;
            switch (random.nextInt(shapes)) {
                case 0 -> net.isolate(names.get(random.nextInt(names.size())));
                case 1 -> {
                    List<String> shuffled = shuffled(names);
                    int cut = 1 + random.nextInt(shuffled.size() - 1);
                    net.partition(shuffled.subList(0, cut), shuffled.subList(cut, shuffled.size()));
                }
                case 2 -> net.splitMajority();
                case 3 -> net.bridge();
                default -> net.ring();
            }
            partitionUndo = undoLater(net::repairAll);
        }

        /**
         * A host clogged for a while, or a swizzle-clog of the targets, which clogs a seeded
         * subset one by one and unclogs them in another order, over about as long; {@link SimNet}
         * counts each host clogged.
         */
        private void clog() {
            List<String> names = targets().stream().map(Host::name).toList();
            if (names.size() >= 2 && random.nextBoolean()) {
                net.swizzleClog(names, Duration.ofNanos(lasting() / (2L * names.size()) + 1));
            } else if (!names.isEmpty()) {
                String name = names.get(random.nextInt(names.size()));
                net.clog(name);
                undoLater(() -> net.unclog(name));
            }
        }

        /**
         * A cut of one seeded direction between two seeded targets, repaired after its while (with
         * the other direction, if a partition cut that too meanwhile); chaos counts it.
         */
        private void oneWayPartition() {
            List<Host> targets = targets();
            if (targets.size() < 2) {
                return;
            }
            int from = random.nextInt(targets.size());
            int to = random.nextInt(targets.size() - 1);
            if (to >= from) {
                to++;
            }
            String a = targets.get(from).name();
            String b = targets.get(to).name();
            net.partitionOneWay(a, b);
            context.faultFired(ONE_WAY);
            undoLater(() -> net.repair(a, b));
        }

        private void crash() {
            Host host = pick(Host.State.RUNNING, Host.State.PAUSED);
            if (host == null) {
                return;
            }
            host.crash();
            context.faultFired(CRASH);
            undoLater(() -> {
                if (host.state() == Host.State.CRASHED) {
                    host.restart();
                }
            });
        }

        private void pause() {
            Host host = pick(Host.State.RUNNING, Host.State.RUNNING);
            if (host == null) {
                return;
            }
            host.pause();
            context.faultFired(PAUSE);
            undoLater(() -> {
                if (host.state() == Host.State.PAUSED) {
                    host.resume();
                }
            });
        }

        /** A seeded target in state {@code a} or {@code b}; null when there is none. */
        private Host pick(Host.State a, Host.State b) {
            List<Host> eligible = targets().stream().filter(h -> h.state() == a || h.state() == b).toList();
            return eligible.isEmpty() ? null : eligible.get(random.nextInt(eligible.size()));
        }

        private Undo undoLater(Runnable action) {
            Undo undo = new Undo(clock.now() + lasting(), undoOrder++, action);
            undos.add(undo);
            return undo;
        }

        private long lasting() {
            return minLastingNanos == maxLastingNanos
                    ? minLastingNanos : random.nextLong(minLastingNanos, maxLastingNanos + 1);
        }

        private List<String> shuffled(List<String> names) {
            List<String> copy = new ArrayList<>(names);
            for (int i = copy.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                copy.set(j, copy.set(i, copy.get(j)));
            }
            return copy;
        }

        /** The hosts chaos may hit: those named in {@link Builder#hosts}, or every host started. */
        private List<Host> targets() {
            if (hosts == null) {
                return context.hosts();
            }
            List<Host> found = new ArrayList<>(hosts.size());
            for (String name : hosts) {
                found.add(context.host(name).orElseThrow(() -> new IllegalArgumentException("chaos targets host '"
                        + name + "', which was not started (hosts: "
                        + context.hosts().stream().map(Host::name).toList() + ")")));
            }
            return found;
        }
    }

    /** One kind of fault: its rate, what injects one, when it strikes next. */
    private static final class Kind {
        final double rate;
        final Runnable inject;
        long next;

        Kind(double rate, Runnable inject) {
            this.rate = rate;
            this.inject = inject;
        }

        /** The wait for the next fault: exponential, so faults come as a Poisson process of the rate. */
        long interval(SplittableRandom random) {
            double seconds = -Math.log(1 - random.nextDouble()) / rate;
            return (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0) + 1;
        }
    }

    /** An undo of a fault, due at {@code at}; {@code order} keeps ties in injection order. */
    private record Undo(long at, long order, Runnable action) {}
}
