package dev.heddle.bench.bugs;

/**
 * Work of a program's thread that has nothing to do with its bug (parsing a request,
 * validating input): {@code steps} steps, each ended by a {@link Thread#yield()}. Threads that
 * reach their racy code after different amounts of such work are not lined up by a round-robin
 * scheduler, as real threads are not; only exploring schedules brings them together.
 */
final class Work {
    private Work() {}

    static void steps(int steps) {
        for (int i = 0; i < steps; i++) {
            Thread.yield();
        }
    }
}
