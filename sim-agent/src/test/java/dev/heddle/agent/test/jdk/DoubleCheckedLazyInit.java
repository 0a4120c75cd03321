package dev.heddle.agent.test.jdk;

/** Correct: double-checked locking on a volatile field, so the config is created once and seen by all. */
public final class DoubleCheckedLazyInit implements ConcurrencyProgram {
    /** An object that must exist once. */
    private static final class Config {
        final int generation;

        Config(int generation) {
            this.generation = generation;
        }
    }

    private volatile Config config;
    private int created;

    private Config config() {
        Config c = config;
        if (c == null) {
            synchronized (this) {
                c = config;
                if (c == null) {
                    c = new Config(++created);
                    config = c;
                }
            }
        }
        return c;
    }

    @Override
    public void run() throws Exception {
        Config[] seen = new Config[2];
        Thread a = new Thread(() -> seen[0] = config(), "user-a");
        Thread b = new Thread(() -> seen[1] = config(), "user-b");
        a.start();
        b.start();
        a.join(5_000);
        b.join(5_000);
        if (seen[0] == null || seen[0] != seen[1]) {
            throw new AssertionError("one config expected, saw " + seen[0] + " and " + seen[1]);
        }
    }
}
