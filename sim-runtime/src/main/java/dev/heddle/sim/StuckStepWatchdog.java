package dev.heddle.sim;

import java.util.Set;
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
    private static final Set<Simulator> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Thread watchdog = new Thread(StuckStepWatchdog::watch, "heddle-stuck-step-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private StuckStepWatchdog() {}

    static void watch(Simulator simulator) {
        RUNNING.add(simulator);
    }

    static void unwatch(Simulator simulator) {
        RUNNING.remove(simulator);
    }

    private static void watch() {
        while (true) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            for (Simulator s : RUNNING) {
                String report = s.stuckStepReport(REPORT_AFTER_SECONDS);
                if (report != null) {
                    System.err.println(report);
                }
            }
        }
    }
}
