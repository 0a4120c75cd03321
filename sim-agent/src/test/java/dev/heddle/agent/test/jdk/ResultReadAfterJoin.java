package dev.heddle.agent.test.jdk;

/** Correct: the main thread reads the worker's result only after join(5 s) returned with the worker ended. */
public final class ResultReadAfterJoin implements ConcurrencyProgram {
    private volatile String result;

    @Override
    public void run() throws Exception {
        Thread worker = new Thread(() -> result = "computed", "worker");
        worker.start();
        worker.join(5_000);
        if (worker.isAlive() || !"computed".equals(result)) {
            throw new AssertionError("worker alive " + worker.isAlive() + ", result " + result);
        }
    }
}
