package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import dev.heddle.sim.SimBody;
import dev.heddle.sim.Simulation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One small buggy concurrent program of the {@link BugCorpus}, written as a user would write it,
 * with its fixed twin: {@code buggy} fails its run (an assertion, a deadlock) on the schedules
 * that show the bug, {@code fixed} is the same program with the bug mended and passes every
 * schedule.
 *
 * @param name     a short name, lower case with dashes, as the benchmark prints it
 * @param kind     the kind of bug
 * @param symptom  how a run that shows the bug fails: a failed assertion or exception
 *                 ({@link FailureKind#TASK_FAILED}), or every thread waiting ({@link FailureKind#DEADLOCK})
 * @param bug      the bug in one line
 * @param needs    what the simulator must offer before {@code buggy} can fail at all; empty when a
 *                 plain seeded scheduler of suspension points can find it
 * @param buggy    the program with the bug
 * @param fixed    the same program with the bug mended
 * @param settings settings the program itself needs on every simulation that runs it (after the
 *                 configuration's own); most need none
 */
public record BugProgram(String name, BugKind kind, FailureKind symptom, String bug, Set<Feature> needs,
                         SimBody buggy, SimBody fixed, UnaryOperator<Simulation> settings) {
    public BugProgram {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a program's name is lower case words joined by dashes, was '"
                    + name + "'");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symptom, "symptom");
        Objects.requireNonNull(bug, "bug");
        EnumSet<Feature> ordered = EnumSet.noneOf(Feature.class);
        ordered.addAll(needs);
        needs = Collections.unmodifiableSet(ordered);
        Objects.requireNonNull(buggy, "buggy");
        Objects.requireNonNull(fixed, "fixed");
        Objects.requireNonNull(settings, "settings");
    }

    /** A program that needs no settings of its own. */
    public BugProgram(String name, BugKind kind, FailureKind symptom, String bug, Set<Feature> needs, SimBody buggy,
                      SimBody fixed) {
        this(name, kind, symptom, bug, needs, buggy, fixed, UnaryOperator.identity());
    }

    /** The program's name: what a parameterized test and a report show. */
    @Override
    public String toString() {
        return name;
    }
}
