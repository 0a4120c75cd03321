package dev.heddle.junit.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The fuzz runner's handle on one fork: a JVM with the runner's own classpath and JVM options
 * (so that {@code --add-opens} and an agent carry over), started on {@link FuzzFork}. Its standard
 * error, where the tests' output goes too, is kept in {@code forks/fork-N.log}; an out of memory
 * error ends it ({@code -XX:+ExitOnOutOfMemoryError}), so that the runner sees a crash rather
 * than a JVM that limps on.
 */
final class ForkProcess {
    /** The message the reader queues when the fork's standard output ends: the fork is gone. */
    static final ForkMessage EXITED = ForkMessage.of("exited");
    private static final int TAIL_LINES = 30;
    /** How long a hung fork's thread dump, and a fork's exit after {@code quit}, may take. */
    private static final Duration DUMP_BOUND = Duration.ofSeconds(30);
    /** Properties of the runner's JVM that a fork sets for itself, per range of seeds. */
    private static final List<String> FORK_OWN = List.of("-Dheddle.seed=", "-Dheddle.seeds=", "-Dheddle.firstSeed=",
            "-Dheddle.duration=", "-Dheddle.seedDir=", "-Dheddle.strategy=", "-Dheddle.regressionDir=");

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<ForkMessage> messages = new LinkedBlockingQueue<>();
    private final Deque<String> stray = new ArrayDeque<>();
    private final Path log;
    private volatile boolean warm;

    private ForkProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.commands = new OutputStreamWriter(process.getOutputStream(), UTF_8);
        Thread reader = new Thread(this::read, "heddle-fuzz-" + log.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts fork {@code number}, its log and seed file in {@code out}'s {@code forks} folder. */
    static ForkProcess start(int number, Path out, FuzzOptions options) {
        Path forks = out.resolve("forks");
        Path log = forks.resolve("fork-" + number + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (FORK_OWN.stream().noneMatch(arg::startsWith) && !arg.startsWith("-agentlib:jdwp")) {
                command.add(arg);
            }
        }
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dheddle.seedDir=" + forks.resolve("fork-" + number));
        // A fork runs a test once per range of seeds: saved regression seeds would run again before each range.
        command.add("-Dheddle.regressionDir=none");
        if (options.strategy() != null) {
            command.add("-D" + "heddle.strategy=" + options.strategy().name());
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FuzzFork.class.getName(), out.toString(),
                Double.toString(options.determinism().fraction())));
        try {
            Files.createDirectories(forks);
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ForkProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a fork (" + command.getFirst() + "): " + e, e);
        }
    }

    private void read() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String stray = line;
                ForkMessage.parse(line).ifPresentOrElse(messages::add, () -> keep(stray));
            }
        } catch (IOException e) {
            keep("(reading the fork's output failed: " + e + ")");
        }
        messages.add(EXITED);
    }

    private synchronized void keep(String line) {
        stray.addLast(line);
        if (stray.size() > TAIL_LINES) {
            stray.removeFirst();
        }
    }

    void send(ForkMessage command) {
        try {
            commands.write(command.line() + "\n");
            commands.flush();
        } catch (IOException e) {
            // The fork is gone; its reader queues EXITED, which the runner reads next.
        }
    }

    /** The fork's next message, {@link #EXITED} when it is gone, or null when none came within {@code bound}. */
    ForkMessage next(Duration bound) throws InterruptedException {
        return messages.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * The stacks of a fork that made no progress, by the JDK's {@code jcmd PID Thread.print} (bounded
     * by {@link #DUMP_BOUND}), so that a hang's report shows where it hung; a line saying why not
     * when the JDK has no {@code jcmd} or it failed.
     */
    String threadDump() throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "(no thread dump: " + jcmd + " is missing; a JRE has no jcmd)";
        }
        try {
            Path dump = Files.createTempFile("heddle-fuzz-dump", ".txt");
            try {
                Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                        .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (!p.waitFor(DUMP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    return "(no thread dump: jcmd did not answer within " + DUMP_BOUND.toSeconds() + " s)";
                }
                return Files.readString(dump, UTF_8);
            } finally {
                Files.deleteIfExists(dump);
            }
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    /** Ends a fork that made no progress; waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /**
     * Asks the fork to end after its last range and waits for it to be gone, so that no fork outlives
     * the run; one still there after {@link #DUMP_BOUND} is ended.
     */
    void quit() throws InterruptedException {
        send(ForkMessage.of("quit"));
        if (!process.waitFor(DUMP_BOUND.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    /** The exit code of a fork that is gone (its output ended, so the wait is short; bounded all the same). */
    String exitCode() throws InterruptedException {
        return process.waitFor(1, TimeUnit.MINUTES) ? Integer.toString(process.exitValue())
                : "none: its output ended but it was still running a minute later";
    }

    /** The last lines the fork printed: its log's, then what it printed on standard output outside the protocol. */
    synchronized String lastOutput() {
        List<String> lines = new ArrayList<>();
        try {
            List<String> all = Files.readAllLines(log, UTF_8);
            lines.addAll(all.subList(Math.max(0, all.size() - TAIL_LINES), all.size()));
        } catch (IOException e) {
            lines.add("(cannot read " + log + ": " + e + ")");
        }
        lines.addAll(stray);
        return lines.isEmpty() ? "(nothing)" : String.join("\n", lines);
    }

    /** Whether the fork has finished a seed, so that its classes are loaded and its JIT has started. */
    boolean warm() {
        return warm;
    }

    void warmedUp() {
        warm = true;
    }

    Path log() {
        return log;
    }
}
