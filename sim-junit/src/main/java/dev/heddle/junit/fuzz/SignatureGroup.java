package dev.heddle.junit.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The failing seeds of one test that share a {@link FailureSignature}: one bug, however many
 * seeds found it. Its first seed is the one to look at.
 */
record SignatureGroup(String test, String signature, List<FuzzFailure> failures) {

    /** {@code failures}, in {@link FuzzFailure#ORDER}, grouped by test and signature, in order of their first seeds. */
    static List<SignatureGroup> of(List<FuzzFailure> failures) {
        Map<List<String>, List<FuzzFailure>> groups = new LinkedHashMap<>();
        for (FuzzFailure f : failures) {
            groups.computeIfAbsent(List.of(f.test(), f.signature()), k -> new ArrayList<>()).add(f);
        }
        return groups.entrySet().stream()
                .map(e -> new SignatureGroup(e.getKey().get(0), e.getKey().get(1), List.copyOf(e.getValue()))).toList();
    }

    FuzzFailure first() {
        return failures.getFirst();
    }

    /** How many of the seeds each strategy failed, by strategy's name: which strategies find this bug. */
    Map<String, Integer> strategies() {
        Map<String, Integer> counts = new TreeMap<>();
        for (FuzzFailure f : failures) {
            counts.merge(f.strategy().isEmpty() ? "unknown" : f.strategy(), 1, Integer::sum);
        }
        return counts;
    }

    boolean canary() {
        return first().canary();
    }
}
