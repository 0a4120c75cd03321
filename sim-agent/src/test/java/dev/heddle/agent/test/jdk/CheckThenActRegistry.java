package dev.heddle.agent.test.jdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Bug: a name is claimed by containsKey then put, two calls apart, so two threads may both claim it. */
public final class CheckThenActRegistry implements ConcurrencyProgram {
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AtomicInteger winners = new AtomicInteger();

    private void claim(String name, String owner) {
        if (!owners.containsKey(name)) {
            owners.put(name, owner);
            winners.incrementAndGet();
        }
    }

    @Override
    public void run() throws Exception {
        Thread a = new Thread(() -> claim("leader", "a"), "claimer-a");
        Thread b = new Thread(() -> claim("leader", "b"), "claimer-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (winners.get() != 1) {
            throw new AssertionError(winners.get() + " threads claimed the name, owner " + owners.get("leader"));
        }
    }
}
