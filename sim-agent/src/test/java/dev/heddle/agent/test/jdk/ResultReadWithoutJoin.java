package dev.heddle.agent.test.jdk;

/** Bug: the main thread reads the worker's result after start() but without join(), so it may read it unset. */
public final class ResultReadWithoutJoin implements ConcurrencyProgram {
    private volatile String result;

    @Override
    public void run() throws Exception {
        Thread worker = new Thread(() -> result = "computed", "worker");
        worker.start();
        String seen = result;
        worker.join();
        if (!"computed".equals(seen)) {
            throw new AssertionError("the result was read as " + seen + " before the worker set it");
        }
    }
}
