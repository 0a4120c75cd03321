package dev.heddle.agent.plain;

import dev.heddle.channel.mpsc.Mpsc;
import dev.heddle.runtime.JoinHandle;
import dev.heddle.sim.Sim;
import dev.heddle.sync.Mutex;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A run whose own code is in no instrumented package (this one is not), and which works the
 * JDK's collections and atomics and Heddle's primitives hard: with the agent loaded, a run of it
 * with scheduling points on must do exactly what a run with them off does.
 */
public final class Workload {
    private Workload() {}

    public static void run(Sim sim) throws Exception {
        Mutex<List<Integer>> list = new Mutex<>(new ArrayList<>());
        ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
        AtomicInteger atomic = new AtomicInteger();
        var channel = Mpsc.<Integer>bounded(4);
        List<JoinHandle<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int id = t;
            tasks.add(sim.spawn(() -> {
                for (int i = 0; i < 20; i++) {
                    try (var guard = list.lock()) {
                        guard.get().add(id * 100 + i);
                    }
                    map.merge(i, 1, Integer::sum);
                    atomic.incrementAndGet();
                    channel.sender().send(i);
                }
            }));
        }
        for (int i = 0; i < 60; i++) {
            channel.receiver().recv();
        }
        for (JoinHandle<Void> t : tasks) {
            t.join();
        }
        sim.always("every increment counted", atomic.get() == 60 && map.get(0) == 3);
    }
}
