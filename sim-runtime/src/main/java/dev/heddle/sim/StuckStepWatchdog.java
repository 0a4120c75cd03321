package dev.heddle.sim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Names a task that runs without ever reaching a suspension point: a single carrier cannot
 * preempt it, so the run would hang silently. One daemon thread samples every running
 * simulation's step counter; when a step has lasted {@link #REPORT_AFTER_SECONDS} it prints
 * the seed, the task's stack and the rerun command. It reads real time only to decide when
 * to speak, and never touches the run, so it cannot affect determinism.
 */
final class StuckStepWatchdog {
    static final long REPORT_AFTER_SECONDS = 30;
    private static final Map<Simulator, Samples> RUNNING = new ConcurrentHashMap<>();

    static {
        Thread watchdog = new Thread(StuckStepWatchdog::watch, "heddle-stuck-step-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private StuckStepWatchdog() {}

    static void watch(Simulator simulator) {
        RUNNING.put(simulator, new Samples());
    }

    static void unwatch(Simulator simulator) {
        RUNNING.remove(simulator);
    }

    private static void watch() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            RUNNING.forEach((simulator, samples) -> {
                String report = samples.take(simulator);
                if (report != null) {
                    System.err.println(report);
                }
            });
        }
    }

    /**
     * What the watchdog has seen of one simulation, touched by the watchdog thread only: the
     * step last seen, in how many samples in a row, and whether that step was reported.
     */
    private static final class Samples {
        private long step = -1;
        private long count;
        private boolean reported;

        /**
         * Samples {@code simulator} once: its report once the same step has run for
         * {@link #REPORT_AFTER_SECONDS} samples, else null. Reads the carrier's fields without
         * locking; a stale read only delays the report.
         */
        String take(Simulator simulator) {
            SimTask t = simulator.running();
            long now = simulator.steps();
            if (t == null || now != step) {
                step = now;
                count = 0;
                return null;
            }
            if (++count < REPORT_AFTER_SECONDS || reported) {
                return null;
            }
            reported = true;
            return simulator.stuckStepReport(t, REPORT_AFTER_SECONDS);
        }
    }
}
