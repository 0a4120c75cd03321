package dev.heddle.runtime;

import java.util.List;

/**
 * Every live task of a runtime at one moment, with its name, id, state and stack: Tokio's
 * {@code Handle::dump}, for finding out where a program hangs or what a slow service's tasks wait
 * on. {@link #toString()} is the readable form, one block per task:
 * <pre>{@code
 * System.out.println(Heddle.dump());
 * // 3 live tasks
 * //   main#1 RUNNING
 * //       at Server.run(Server.java:40)
 * //   conn#2 WAITING on mpsc recv
 * //       at dev.heddle.channel.mpsc.Receiver.recv(Receiver.java:61)
 * //       at Server.handle(Server.java:71)
 * }</pre>
 *
 * <p>On a real runtime the tasks go on running while the dump is taken, so it is a snapshot task
 * by task rather than of one instant (Tokio stops its workers instead); a task that ended
 * meanwhile is left out. In simulation every other task is parked or ready during the calling
 * task's step, so the dump is exact and the same for a seed.
 *
 * @param tasks the tasks alive when the dump was taken, in spawn order
 */
public record TaskDump(List<Task> tasks) {

    public TaskDump {
        tasks = List.copyOf(tasks);
    }

    /** What a task was doing when the dump was taken. */
    public enum State {
        /** On a thread now: the task that asked for the dump, or one running on another worker. */
        RUNNING,
        /** Woken (or just spawned) and waiting for a worker to run it. */
        READY,
        /** Suspended until something wakes it: see {@link Task#waitingOn()}. */
        WAITING,
        /**
         * Its thread is blocked outside Heddle: entering a contended {@code synchronized} block,
         * or in a timed JDK wait ({@code Thread.sleep}); {@link Task#waitingOn()} says which.
         */
        BLOCKED
    }

    /**
     * One task of a dump.
     *
     * @param id the task's id, unique in its runtime, in spawn order
     * @param name the name it was spawned with ({@code "task"} when none)
     * @param state what it was doing
     * @param waitingOn what a {@link State#WAITING} or {@link State#BLOCKED} task waits on, such as
     *     {@code "mpsc recv"}, {@code "mutex lock"}, {@code "sleep"}, {@code "join of worker#4"};
     *     empty for a running or ready task
     * @param stack its stack, innermost frame first, without the JDK's and the runtime's own
     *     frames below the task's body
     */
    public record Task(long id, String name, State state, String waitingOn, List<StackTraceElement> stack) {

        public Task {
            stack = List.copyOf(stack);
        }

        /** The stack as lines {@code "at Class.method(File.java:12)"}, one a line, as a Java stack trace prints. */
        public String trace() {
            StringBuilder sb = new StringBuilder();
            for (StackTraceElement frame : stack) {
                sb.append("at ").append(frame).append('\n');
            }
            return sb.toString();
        }

        /** The heading line of this task in a dump, as {@code "conn#2 WAITING on mpsc recv"}. */
        public String heading() {
            return name + "#" + id + " " + state + (waitingOn.isEmpty() ? "" : " on " + waitingOn);
        }
    }

    /** The task with {@code id}, or null when it was not alive. */
    public Task task(long id) {
        for (Task t : tasks) {
            if (t.id() == id) {
                return t;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(tasks.size()).append(tasks.size() == 1 ? " live task\n"
                : " live tasks\n");
        for (Task t : tasks) {
            sb.append("  ").append(t.heading()).append('\n');
            for (StackTraceElement frame : t.stack()) {
                sb.append("      at ").append(frame).append('\n');
            }
        }
        return sb.toString();
    }
}
