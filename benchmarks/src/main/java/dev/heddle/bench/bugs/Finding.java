package dev.heddle.bench.bugs;

import dev.heddle.sim.FailureKind;
import java.util.Set;
import java.util.stream.Collectors;

/** What one sweep of a program's seeds under one {@link Configuration} found. */
public sealed interface Finding {
    /** The text of the finding in the benchmark's {@code key=value} lines: a seed, {@code none}, or a reason. */
    String value();

    /** Whether the sweep found the program's bug. */
    default boolean found() {
        return this instanceof Found;
    }

    /**
     * The first failing seed, {@code seed}, failed as {@code kind}: the program's
     * {@linkplain BugProgram#symptom() symptom}, or another kind when the simulator reads the
     * failure otherwise (then {@link #value()} names the kind).
     */
    record Found(long seed, FailureKind kind, FailureKind symptom) implements Finding {
        @Override
        public String value() {
            return kind == symptom ? Long.toString(seed) : seed + ":" + kind;
        }
    }

    /** None of the {@code seeds} seeds run failed. */
    record NotFound(long seeds) implements Finding {
        @Override
        public String value() {
            return "none";
        }
    }

    /** The configuration lacks {@code features} the program needs, so no seed was run: not counted as missed. */
    record Needs(Set<Feature> features) implements Finding {
        @Override
        public String value() {
            return "needs-" + features.stream().map(Feature::label).collect(Collectors.joining("+"));
        }
    }
}
