package dev.heddle.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.heddle.sim.Sim;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * One sample {@code @SimTest(Sim)} method run through the Jupiter engine, as a build would run
 * it, with what Heddle logged ({@code log}: one {@code LEVEL: message} line per record of the
 * {@code dev.heddle} loggers, which reach no console meanwhile) and what it printed: the tests
 * of the extension check outcomes and output together.
 */
record SampleRun(EngineExecutionResults results, String log, String out, String err) {

    static SampleRun of(Class<?> samples, String method) {
        Logger heddle = Logger.getLogger("dev.heddle");
        StringBuffer log = new StringBuffer();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.append(record.getLevel()).append(": ").append(record.getMessage()).append('\n');
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        // The root's ConsoleHandler binds to System.err when it is made: make it now, before err
        // is swapped, so that it never writes into a stream of this run.
        Logger.getLogger("").getHandlers();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        heddle.addHandler(collect);
        heddle.setUseParentHandlers(false);
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectMethod(samples, method, Sim.class.getName()))
                    .execute();
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            heddle.removeHandler(collect);
            heddle.setUseParentHandlers(true);
        }
        return new SampleRun(results, log.toString(), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /**
     * The log less the line a passing sweep ends with ({@code ... passed N seeds (...) in T s, R
     * seeds/s}), for tests of what else a sweep says; {@code SimTestExtensionTest} checks that line.
     */
    String logBesidesThePassedLine() {
        return log.replaceAll("(?m)^INFO: \\S+ passed \\d+ seeds \\(.*\\R", "");
    }

    /** True when the engine found the method, ran it once, and it passed. */
    boolean passed() {
        return results.testEvents().started().count() == 1 && results.testEvents().succeeded().count() == 1;
    }

    /** What failed the one test; fails itself when the test did not fail. */
    Throwable failure() {
        return results.testEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError("the sample was expected to fail, but: "
                        + results.testEvents().list() + "\nlog:\n" + log + "\nstdout:\n" + out + "\nstderr:\n" + err));
    }

    String failureMessage() {
        return failure().getMessage();
    }

    /** Everything the run logged and printed, for an assertion's message. */
    String output() {
        return "log:\n" + log + "stdout:\n" + out + "stderr:\n" + err;
    }
}
