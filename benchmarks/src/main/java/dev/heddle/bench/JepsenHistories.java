package dev.heddle.bench;

import dev.heddle.check.History;
import dev.heddle.check.Operation;
import dev.heddle.check.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generated histories of the kind Jepsen records and linearizability checkers find hard, for
 * LinBench's {@code jepsen} rows. Values come from a few ({@link #VALUES}), as in Jepsen's
 * cas-register workload ({@code (rand-int 5)}), so that no polynomial decider applies. Some
 * operations time out ({@link #INFO_PERCENT} percent): they are recorded as {@code :info}
 * ({@link Status#UNKNOWN}), never return, and took effect or not at random; their client
 * crashes and comes back as a new process, as a Jepsen worker does, so the history gains a
 * client per crash and every crashed operation stays concurrent with all that follows.
 *
 * <p>Two workloads: {@code cas-register} (read, write, cas; a cas whose expected value did not
 * match is recorded {@code :fail}) and {@code kv} (get, put, append on {@link #KV_KEYS} keys).
 * When not {@code legal}, the first completed read (or get) at or after the middle returns a
 * value nobody wrote: {@link #VALUES} for the register, the key's value with {@code "x;"}
 * appended for KV.
 */
final class JepsenHistories {
    /** How many distinct values are written. */
    static final int VALUES = 5;
    /** The percentage of operations that time out and crash their client. */
    static final int INFO_PERCENT = 3;
    /** How many keys the {@code kv} workload spreads its clients over. */
    static final int KV_KEYS = 5;

    private JepsenHistories() {
    }

    /** A history of {@code ops} operations of {@code workload} by {@code clients} concurrent workers. */
    static History generate(String workload, int clients, int ops, boolean legal, SplittableRandom random) {
        if (!workload.equals("cas-register") && !workload.equals("kv")) {
            throw new IllegalArgumentException("no Jepsen-like generator for workload '" + workload
                    + "'; there are cas-register and kv");
        }
        record Slot(int worker, int process, long call, long ret, long point, boolean info, boolean effective) {
        }
        List<Slot> slots = new ArrayList<>();
        long[] clock = new long[clients];
        int[] process = new int[clients];
        for (int worker = 0; worker < clients; worker++) process[worker] = worker;
        int nextProcess = clients;
        for (int i = 0; i < ops; i++) {
            int worker = random.nextInt(clients);
            long call = clock[worker] + random.nextInt(20);
            long ret = call + 1 + random.nextInt(10 * clients);
            boolean info = random.nextInt(100) < INFO_PERCENT;
            slots.add(new Slot(worker, process[worker], call, ret, call + random.nextLong(ret - call + 1), info,
                    !info || random.nextBoolean()));
            clock[worker] = ret + 1;
            if (info) process[worker] = nextProcess++;
        }
        slots.sort(Comparator.comparingLong(Slot::point).thenComparingInt(Slot::worker));
        List<Operation> history = new ArrayList<>(ops);
        Long register = null;
        Map<String, String> store = new HashMap<>();
        for (Slot s : slots) {
            String f;
            Object key = null;
            Object input = null;
            Object output = null;
            Status status = Status.OK;
            if (workload.equals("cas-register")) {
                long value = random.nextInt(VALUES);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        f = "read";
                        output = register;
                    }
                    case 1 -> {
                        f = "write";
                        input = value;
                        if (s.effective()) register = value;
                    }
                    default -> {
                        f = "cas";
                        long expected = random.nextInt(VALUES);
                        input = List.of(expected, value);
                        boolean matches = Objects.equals(register, expected);
                        if (matches && s.effective()) register = value;
                        if (!matches) status = Status.FAILED;
                    }
                }
            } else {
                key = Integer.toString(random.nextInt(KV_KEYS));
                String current = store.getOrDefault((String) key, "");
                switch (random.nextInt(3)) {
                    case 0 -> {
                        f = "get";
                        output = current;
                    }
                    case 1 -> {
                        f = "put";
                        input = "p" + random.nextInt(VALUES) + ";";
                        if (s.effective()) store.put((String) key, (String) input);
                    }
                    default -> {
                        f = "append";
                        input = "a" + random.nextInt(VALUES) + ";";
                        if (s.effective()) store.put((String) key, current + input);
                    }
                }
            }
            history.add(s.info() ? Operation.unknown(s.process(), f, key, input, s.call())
                    : new Operation(s.process(), f, key, input, output, s.call(), s.ret(), status));
        }
        if (!legal) corruptInTheMiddle(workload, history);
        return new History(history);
    }

    /** Makes the first completed read (or get) at or after the middle return a value nobody wrote. */
    private static void corruptInTheMiddle(String workload, List<Operation> history) {
        String observer = workload.equals("kv") ? "get" : "read";
        for (int i = history.size() / 2; i < history.size(); i++) {
            Operation op = history.get(i);
            if (!op.f().equals(observer) || op.status() != Status.OK) continue;
            Object corrupt = workload.equals("kv") ? op.output() + "x;" : (Object) (long) VALUES;
            history.set(i, op.withOutcome(corrupt, Status.OK));
            return;
        }
        throw new IllegalStateException("no completed " + observer + " in the second half to corrupt");
    }
}
