package dev.heddle.bench;

import dev.heddle.examples.ExamplePrograms;
import dev.heddle.junit.SimTest;
import dev.heddle.sim.Sim;
import dev.heddle.sim.Strategy;

/**
 * The correct example programs as {@code @SimTest} methods, for {@link FuzzBench} to sweep both
 * through JUnit and through the fuzz runner: what a user's suite of small simulation tests looks
 * like to a fuzz job. Public, as the JUnit launcher of a fuzz fork finds it by name.
 */
public class FuzzedExamples {
    /** The programs swept, by their names in {@link ExamplePrograms#all()}. */
    static final String[] PROGRAMS = {"safe-counter", "spawn-and-join", "bounded-fetcher", "abort-with-cleanup",
        "request-ids", "kv-manager"};

    private static void run(String program, Sim sim) throws Exception {
        ExamplePrograms.all().get(program).run(sim);
    }

    @SimTest(strategy = Strategy.PORTFOLIO)
    void safeCounter(Sim sim) throws Exception {
        run("safe-counter", sim);
    }

    @SimTest(strategy = Strategy.PORTFOLIO)
    void spawnAndJoin(Sim sim) throws Exception {
        run("spawn-and-join", sim);
    }

    @SimTest(strategy = Strategy.PORTFOLIO)
    void boundedFetcher(Sim sim) throws Exception {
        run("bounded-fetcher", sim);
    }

    @SimTest(strategy = Strategy.PORTFOLIO)
    void abortWithCleanup(Sim sim) throws Exception {
        run("abort-with-cleanup", sim);
    }

    @SimTest(strategy = Strategy.PORTFOLIO)
    void requestIds(Sim sim) throws Exception {
        run("request-ids", sim);
    }

    @SimTest(strategy = Strategy.PORTFOLIO)
    void kvManager(Sim sim) throws Exception {
        run("kv-manager", sim);
    }
}
