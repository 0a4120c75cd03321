package dev.heddle.agent.test.jdk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Correct: a name is claimed by one atomic putIfAbsent, so exactly one thread wins it. */
public final class PutIfAbsentRegistry implements ConcurrencyProgram {
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final AtomicInteger winners = new AtomicInteger();

    private void claim(String name, String owner) {
        if (owners.putIfAbsent(name, owner) == null) {
            winners.incrementAndGet();
        }
    }

    @Override
    public void run() throws Exception {
        Thread a = new Thread(() -> claim("leader", "a"), "claimer-a");
        Thread b = new Thread(() -> claim("leader", "b"), "claimer-b");
        a.start();
        b.start();
        a.join(5_000);
        b.join(5_000);
        if (winners.get() != 1) {
            throw new AssertionError(winners.get() + " threads claimed the name, owner " + owners.get("leader"));
        }
    }
}
