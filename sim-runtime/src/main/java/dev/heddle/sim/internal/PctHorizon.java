package dev.heddle.sim.internal;

import dev.heddle.sim.RunConfiguration;
import dev.heddle.sim.Strategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The PCT horizon of a sweep's runs, and what the runs' steps say about it. PCT spreads its
 * change points over the first k steps (its horizon): past the end of a run they do nothing,
 * so a horizon of 1,000 steps made bugs of 5 to 55-step programs about 100 times rarer. Unless
 * the test sets it, the horizon is therefore estimated from the runs the sweep has done: the
 * most steps any run took (under any strategy: a run's length hardly depends on it).
 *
 * <p>Before any run there is nothing to measure, and the first run gets {@link #FIRST_ESTIMATE}
 * steps. Measured over seven small buggy programs (7 to 129 steps long; 600 seeds per horizon,
 * PCT depths 2 and 3, the percentages of runs that found the bug summed): 16 steps found 204,
 * a run's own length 217, 32 steps 161, 1,000 steps 197, all of it from the two bugs that need
 * no change point; of the five that do, 16 found 72, the run's length 87 and 1,000 found 2. A
 * horizon shorter than the run loses only the change points after it, a longer one a share of
 * all of them. 8 steps found more (249) in these short programs but nothing of a race after
 * step 8, and programs of 5 to 55 steps are the ones to serve. {@link Strategy#PORTFOLIO} runs
 * RANDOM first, so its sweep from a multiple of four measures a run before it needs a horizon.
 *
 * <p>A sweep (of {@code @SimTest}, or any other) asks {@link #forNextRun()} before each run,
 * tells {@link #ran} after it, and prints {@link #summary()} and {@link #warnings()} at the end.
 * One sweep, one thread.
 */
public final class PctHorizon {
    /** The horizon of a sweep's first run, when no run has been measured yet. */
    public static final long FIRST_ESTIMATE = 16;
    /** A run of fewer steps than its horizon divided by this is "far below" it. */
    static final int FAR_BELOW = 4;

    /** The horizon the test set; 0 when estimated. */
    private final long fixed;
    private long longestRun;
    private long pctRuns;
    private long exceeded;
    private long longestExceeding;
    private long farBelow;
    private long longestFarBelow;
    private long lastHorizon;

    private PctHorizon(long fixed) {
        this.fixed = fixed;
    }

    /** A horizon estimated from the runs' steps. */
    public static PctHorizon estimated() {
        return new PctHorizon(0);
    }

    /** The horizon {@code steps}, as the test set it. */
    public static PctHorizon fixed(long steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("pctHorizon must be at least 1, was " + steps);
        }
        return new PctHorizon(steps);
    }

    /** Whether the horizon is estimated from the runs rather than set. */
    public boolean isEstimated() {
        return fixed == 0;
    }

    /** The horizon of the next run: as set, or {@link #FIRST_ESTIMATE} before any run, then the longest run. */
    public long forNextRun() {
        if (!isEstimated()) {
            return fixed;
        }
        return longestRun == 0 ? FIRST_ESTIMATE : longestRun;
    }

    /** Notes a run that took {@code steps} steps with configuration {@code run}. */
    public void ran(RunConfiguration run, long steps) {
        longestRun = Math.max(longestRun, steps);
        if (run.strategy() != Strategy.PCT) {
            return;
        }
        pctRuns++;
        lastHorizon = run.pctHorizon();
        if (steps > run.pctHorizon()) {
            exceeded++;
            longestExceeding = Math.max(longestExceeding, steps);
        } else if (steps * FAR_BELOW < run.pctHorizon()) {
            farBelow++;
            longestFarBelow = Math.max(longestFarBelow, steps);
        }
    }

    /** The horizon the runs used, for the sweep's summary; empty when no run was a PCT run. */
    public String summary() {
        if (pctRuns == 0) {
            return "";
        }
        return isEstimated()
                ? "PCT horizon: estimated from the runs' steps, " + steps(lastHorizon) + " at the last PCT run (the"
                        + " most steps a run before it took; " + FIRST_ESTIMATE + " before any run), over " + pctRuns
                        + " PCT runs"
                : "PCT horizon: " + steps(fixed) + ", as set, over " + pctRuns + " PCT runs";
    }

    private static String steps(long n) {
        return n == 1 ? "1 step" : n + " steps";
    }

    /**
     * What the runs' steps say is wrong with the horizon, one text per warning: runs longer than
     * a horizon that was set (PCT puts no change point after it), and a horizon far above most
     * runs (most change points fell after the runs had ended). An estimated horizon grows with
     * the runs, so only the second applies to it: runs of very different lengths.
     */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (!isEstimated() && exceeded > 0) {
            warnings.add(exceeded + " of " + pctRuns + " PCT runs took more steps than the PCT horizon of " + fixed
                    + " (up to " + longestExceeding + "): PCT puts no change point after step " + fixed + ", so it"
                    + " explored the rest of those runs only as depth 1 does; set pctHorizon to about "
                    + longestExceeding + ", or leave it unset to estimate it from the runs");
        }
        if (farBelow * 2 >= pctRuns && farBelow > 0) {
            String advice = isEstimated()
                    ? "the runs' lengths differ widely, the longest setting the horizon; a test per kind of"
                            + " scenario gives each a horizon that fits"
                    : "set pctHorizon to about " + longestFarBelow + ", or leave it unset to estimate it from the runs";
            warnings.add(farBelow + " of " + pctRuns + " PCT runs took under a quarter of their PCT horizon (the"
                    + " longest of them " + longestFarBelow + " steps, the horizon " + (isEstimated() ? "up to "
                    + longestRun : fixed) + "), so most change points fell after they ended and PCT found"
                    + " less than it could: " + advice);
        }
        return warnings;
    }
}
