package dev.heddle.agent.test.jdk;

/** Bug: the lazy getter checks for null and creates without a lock, so two threads may each create a config. */
public final class UnsafeLazyInit implements ConcurrencyProgram {
    /** An object that must exist once. */
    private static final class Config {
        final int generation;

        Config(int generation) {
            this.generation = generation;
        }
    }

    private Config config;
    private int created;

    private Config config() {
        if (config == null) {
            config = new Config(++created);
        }
        return config;
    }

    @Override
    public void run() throws Exception {
        Config[] seen = new Config[2];
        Thread a = new Thread(() -> seen[0] = config(), "user-a");
        Thread b = new Thread(() -> seen[1] = config(), "user-b");
        a.start();
        b.start();
        a.join();
        b.join();
        if (seen[0] != seen[1]) {
            throw new AssertionError("two configs were created: generations " + seen[0].generation + " and "
                    + seen[1].generation);
        }
    }
}
