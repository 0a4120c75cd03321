package dev.heddle.sim;

import dev.heddle.runtime.internal.Task;
import java.util.function.Supplier;

/**
 * FoundationDB's {@code BUGGIFY}: fault points written into the code under test, which fire
 * only in simulation, so that rare paths (a short read, a slow reply, a retry, a tiny buffer)
 * are taken often there and never in production.
 *
 * <pre>{@code
 * import static dev.heddle.sim.Buggify.buggify;
 *
 * int batch = buggify() ? 1 : 512;          // tiny batches, sometimes
 * if (buggify()) {
 *     Heddle.sleep(Duration.ofMillis(200));  // a slow disk, sometimes
 * }
 * }</pre>
 *
 * The semantics are FoundationDB's ({@code flow/Buggify.h}, {@code getSBVar}): buggify is on
 * for a whole run or off, with the probability {@link Simulation#buggify(double)} sets (by
 * default {@link #P_RUN_ENABLED}); in a run where it is on, each point is made active or
 * inactive for the whole run the first time it is reached ({@link #P_POINT_ACTIVATED}), and
 * an active point fires on each call with {@link #P_POINT_FIRES}. Two levels, so that each run
 * has a different few points misbehaving, often: a run with every point firing now and then
 * would spend its time in retries and reach few of the states that one point firing often
 * leads to. A point is its caller's class, method and line, or the name given.
 *
 * <p>Outside a simulation every call is false, at the cost of one thread-local read (about
 * 10 ns), with no stack walk; so is every call in a run with buggify off. In a run with it on,
 * {@link #buggify()} finds its point by walking the stack, about 17 microseconds a call
 * (measured, JDK 25): in a hot loop, name the point ({@link #buggify(String)}), which skips
 * the walk. Every choice draws from the run's own seeded stream, so the same seed fires the
 * same points; each firing counts as the fault {@code "buggify"} in the run's
 * {@link SimulationResult#faults()}, which a sweep uses to report buggify on and never firing.
 */
public final class Buggify {
    /** FoundationDB's {@code P_BUGGIFIED_SECTION_ACTIVATED}: the share of points active in a run. */
    public static final double P_POINT_ACTIVATED = 0.25;
    /** FoundationDB's {@code P_BUGGIFIED_SECTION_FIRES}: how often an active point fires. */
    public static final double P_POINT_FIRES = 0.25;
    /**
     * The default share of runs with buggify on: FoundationDB's test harness turns it on in
     * 80% of simulation runs ({@code buggify_on_ratio} in TestHarness2), keeping a fifth of
     * the runs to check that the code also works without its faults.
     */
    public static final double P_RUN_ENABLED = 0.8;

    private Buggify() {}

    /** True when this call fires: in a simulation with buggify on, at an active point, with {@link #P_POINT_FIRES}. */
    public static boolean buggify() {
        return fires(Buggify::caller, P_POINT_FIRES);
    }

    /**
     * {@link #buggify()} at the point named {@code point} instead of the caller's line: one
     * point for calls from several lines, or a name that survives edits to the file.
     */
    public static boolean buggify(String point) {
        String name = checkName(point);
        return fires(() -> name, P_POINT_FIRES);
    }

    /**
     * FoundationDB's {@code BUGGIFY_WITH_PROB}: {@link #buggify()} firing with
     * {@code probability} instead of {@link #P_POINT_FIRES} when the point is active, for a
     * fault that should be rarer (or more frequent) than most.
     *
     * @throws IllegalArgumentException if {@code probability} is not in [0, 1]
     */
    public static boolean buggify(double probability) {
        checkProbability(probability);
        return fires(Buggify::caller, probability);
    }

    /** {@link #buggify(double)} at the point named {@code point}. */
    public static boolean buggify(String point, double probability) {
        String name = checkName(point);
        checkProbability(probability);
        return fires(() -> name, probability);
    }

    private static boolean fires(Supplier<String> point, double probability) {
        Task<?> task = Task.current();
        return task != null && task.carrier() instanceof Simulator s && s.buggify().fires(point, probability);
    }

    /**
     * Class, method and line of the {@code buggify} call: the frame below the public entry
     * point, as this is asked from inside the run's {@link BuggifySites}.
     */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames
                .dropWhile(f -> !isEntryPoint(f))
                .dropWhile(Buggify::isEntryPoint)
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
                .orElse("unknown"));
    }

    private static boolean isEntryPoint(StackWalker.StackFrame frame) {
        return frame.getClassName().equals(Buggify.class.getName()) && frame.getMethodName().equals("buggify");
    }

    private static String checkName(String point) {
        if (point == null || point.isBlank()) {
            throw new IllegalArgumentException("buggify point name \"" + point + "\" is blank: name the point, as"
                    + " \"slow disk\", or call buggify() to name it by its line");
        }
        return point;
    }

    private static void checkProbability(double probability) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("buggify's probability must be between 0 and 1, was " + probability);
        }
    }
}
